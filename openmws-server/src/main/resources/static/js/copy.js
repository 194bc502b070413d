// Copy buttons: a button.copy[data-copy] copies the text of the element whose id it names, then says
// "Copied" in the live region beside it. Progressive: the buttons stay hidden without this script,
// and the values stay selectable text. The async Clipboard API needs a secure context (https, or
// http://localhost); elsewhere (http to an IP address) the selected-text fallback copies instead.
(function () {
  var buttons = document.querySelectorAll('button.copy[data-copy]');
  if (!buttons.length) { return; }

  function fallbackCopy(text) {
    var buffer = document.createElement('textarea');
    buffer.value = text;
    buffer.setAttribute('readonly', '');
    buffer.className = 'copy-buffer';
    document.body.appendChild(buffer);
    buffer.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    document.body.removeChild(buffer);
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function say(button, text) {
    var status = button.nextElementSibling;
    if (!status || !status.classList.contains('copied')) { return; }
    status.textContent = text;
    clearTimeout(button.copyTimer);
    button.copyTimer = setTimeout(function () { status.textContent = ''; }, 5000);
  }

  Array.prototype.forEach.call(buttons, function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = (source.value !== undefined ? source.value : source.textContent).trim();
      copy(text).then(function () {
        say(button, button.getAttribute('data-copied'));
      }, function () {
        selectText(source);
        say(button, button.getAttribute('data-failed'));
      });
    });
  });
})();
