// Token Warden's small progressive enhancements. Everything works without this file.
document.addEventListener('DOMContentLoaded', () => {
  const switcher = document.getElementById('agency-switch');
  if (switcher) {
    switcher.addEventListener('change', () => switcher.form.requestSubmit());
  }
});
