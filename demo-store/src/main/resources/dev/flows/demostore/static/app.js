// Bean & Burr demo store: progressive enhancement only. Every form also works without this script.
(function () {
  'use strict';

  // Event delegation on the document, so elements inserted later (see the late-element fault) work too.
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.matches('[data-navigate-on-change]') && target.form) {
      target.form.submit();
    }
    if (target.matches('[data-testid="variant"]')) {
      var option = target.options[target.selectedIndex];
      var price = document.querySelector('.product__price [data-testid="product-price"]');
      if (option && price && option.dataset.price) {
        price.textContent = option.dataset.price;
      }
    }
  });

  // The phone layout's category menu.
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest && event.target.closest('[data-testid="menu-button"]');
    var nav = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
    if (nav) {
      var open = nav.classList.toggle('is-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches('[data-cart-add]') || !window.fetch) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    var payload = {
      productId: data.get('productId'),
      variant: data.get('variant') || '',
      quantity: String(data.get('quantity') || '').trim()
    };
    var button = form.querySelector('[data-testid="add-to-cart"]');
    if (button) { button.disabled = true; }
    fetch('/cart/add.js', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok && !result.body.added) {
        return;
      }
      if (result.ok) {
        updateCount(result.body.item_count);
        show(form, 'cart-notice', result.body.added.message, 'notice notice--ok');
      } else {
        show(form, 'cart-error', result.body.message || 'Could not add to cart', 'notice notice--error');
      }
    }).catch(function (error) {
      show(form, 'cart-error', 'Could not reach the shop: ' + error.message, 'notice notice--error');
    }).then(function () {
      if (button) { button.disabled = false; }
    });
  });

  function updateCount(count) {
    document.querySelectorAll('[data-testid="cart-count"]').forEach(function (badge) {
      badge.textContent = String(count);
      badge.classList.remove('bump');
      void badge.offsetWidth;
      badge.classList.add('bump');
    });
  }

  function show(form, testId, text, className) {
    var box = form.querySelector('[data-cart-messages]') || form;
    box.querySelectorAll('[data-testid="cart-notice"], [data-testid="cart-error"]').forEach(function (old) { old.remove(); });
    var message = document.createElement('p');
    message.setAttribute('data-testid', testId);
    message.setAttribute('role', testId === 'cart-error' ? 'alert' : 'status');
    message.className = className;
    message.textContent = text;
    box.appendChild(message);
  }
})();
