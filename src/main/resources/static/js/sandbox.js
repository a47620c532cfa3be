// The sandbox consent pages' one enhancement: choosing another user switches at once.
// Without this file the "Switch account" button does the same.
document.addEventListener('DOMContentLoaded', () => {
  const chooser = document.getElementById('login_hint');
  if (chooser) {
    chooser.addEventListener('change', () => chooser.form.requestSubmit());
  }
});
