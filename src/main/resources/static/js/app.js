// Token Warden's small progressive enhancements. Everything works without this file.
document.addEventListener('DOMContentLoaded', () => {
  const switcher = document.getElementById('agency-switch');
  if (switcher) {
    switcher.addEventListener('change', () => switcher.form.requestSubmit());
  }
  const progress = document.querySelector('[data-reload-after]');
  if (progress) {
    // a running "Check all now": show its progress until it is done
    setTimeout(() => window.location.reload(), Number(progress.dataset.reloadAfter));
  }
  document.querySelectorAll('a.invalidate').forEach((link) => {
    link.addEventListener('click', (event) => {
      if (!window.bootstrap) {
        return; // no modal support: follow the link to the confirmation page
      }
      event.preventDefault();
      openConfirmationModal(link.href);
    });
  });
});

// Shows the server-rendered confirmation page's card in a modal, so the same form (and CSRF token) is used.
async function openConfirmationModal(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    window.location.href = url;
    return;
  }
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const card = page.getElementById('invalidate-confirmation');
  if (!card) {
    window.location.href = url;
    return;
  }
  const modal = document.createElement('div');
  modal.className = 'modal fade';
  modal.tabIndex = -1;
  modal.setAttribute('role', 'dialog');
  modal.setAttribute('aria-modal', 'true');
  const dialog = document.createElement('div');
  dialog.className = 'modal-dialog modal-lg';
  const content = document.createElement('div');
  content.className = 'modal-content';
  content.appendChild(document.importNode(card, true));
  dialog.appendChild(content);
  modal.appendChild(dialog);
  const heading = modal.querySelector('h1');
  if (heading) {
    heading.id = 'invalidate-modal-title';
    modal.setAttribute('aria-labelledby', heading.id);
  }
  document.body.appendChild(modal);
  const instance = new window.bootstrap.Modal(modal);
  modal.querySelectorAll('.cancel').forEach((cancel) => cancel.addEventListener('click', (e) => {
    e.preventDefault();
    instance.hide();
  }));
  modal.addEventListener('hidden.bs.modal', () => modal.remove());
  instance.show();
}
