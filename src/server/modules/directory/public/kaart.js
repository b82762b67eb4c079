// The public map works without this script; it only adds a print button where the page offers a printable card.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
