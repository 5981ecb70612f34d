// Bean & Burr Express: the demo store's single-page shape. Rendered and routed in the browser; the cart lives in
// localStorage; hooks are data-test attributes. Page faults come from the server in window.FLOWS.faults and are
// applied here, on every route this app renders (see HOOKS.md).
(function () {
  'use strict';

  var FLOWS = window.FLOWS || { instance: 'demo', checkout: 'short', taxPercent: 8, faults: [] };
  var USER_KEY = 'flows-express-user';
  var CART_KEY = 'flows-express-cart';
  var app = document.getElementById('app');
  var products = null;
  var routeToken = 0;

  // ---- small helpers

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function money(cents) {
    var euros = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var rest = String(cents % 100);
    return '€' + euros + '.' + (rest.length < 2 ? '0' + rest : rest);
  }

  function percent(cents, p) {
    return Math.floor((cents * p + 50) / 100);
  }

  function user() {
    return localStorage.getItem(USER_KEY);
  }

  function cart() {
    try {
      return JSON.parse(localStorage.getItem(CART_KEY) || '[]');
    } catch (e) {
      return [];
    }
  }

  function saveCart(lines) {
    localStorage.setItem(CART_KEY, JSON.stringify(lines));
  }

  function count() {
    return cart().reduce(function (n, l) { return n + l.quantity; }, 0);
  }

  function loadProducts() {
    return fetch('/api/products', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status + ' from /api/products'); }
      return r.json();
    }).then(function (body) {
      products = body.products;
      return body;
    });
  }

  function byId(id) {
    return (products || []).filter(function (p) { return p.id === id; })[0];
  }

  function unitCents(p, variantId) {
    var v = (p.variants || []).filter(function (x) { return x.id === variantId; })[0];
    return v ? v.priceCents : p.priceCents;
  }

  function go(path) {
    history.pushState({}, '', path);
    render();
  }

  // ---- faults

  function globMatches(glob, path) {
    if (glob === '*') { return true; }
    var re = '^' + glob.split('*').map(function (part) { return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('.*') + '$';
    return new RegExp(re).test(path);
  }

  function faultsFor(path, kind) {
    return (FLOWS.faults || []).filter(function (f) { return f.kind === kind && globMatches(f.route, path); });
  }

  function testIdSelector(id) {
    return '[data-test="' + id + '"],[data-testid="' + id + '"]';
  }

  // After every render: hide, delay, break images and throw, as the server does for the classic shape.
  function applyPageFaults(path) {
    faultsFor(path, 'hideElement').forEach(function (f) {
      app.querySelectorAll(testIdSelector(f.testId)).forEach(function (el) { el.remove(); });
    });
    faultsFor(path, 'lateElement').forEach(function (f) {
      app.querySelectorAll(testIdSelector(f.testId)).forEach(function (el) {
        var slot = document.createElement('template');
        el.replaceWith(slot);
        setTimeout(function () { if (slot.isConnected) { slot.replaceWith(el); } }, f.delayMs);
      });
    });
    if (faultsFor(path, 'brokenImages').length) {
      app.querySelectorAll('img').forEach(function (img) {
        img.src = '/static/img/missing/' + (img.getAttribute('data-product-id') || 'image') + '.svg';
      });
    }
    faultsFor(path, 'scriptError').forEach(function (f) {
      setTimeout(function () { throw new Error(f.message); }, 0);
    });
  }

  // Dialogs and dropping fields listen in the capture phase, before the app's own handlers.
  function onUse(event) {
    var path = location.pathname;
    faultsFor(path, 'dialog').forEach(function (f) {
      var t = event.target && event.target.closest ? event.target.closest(testIdSelector(f.testId)) : null;
      if (!t) { return; }
      var field = /^(SELECT|INPUT|TEXTAREA)$/.test(t.tagName);
      if ((event.type === 'change') === field) { alert(f.message); }
    });
  }
  document.addEventListener('change', onUse, true);
  document.addEventListener('click', onUse, true);
  document.addEventListener('input', function (event) {
    faultsFor(location.pathname, 'droppingField').forEach(function (f) {
      if (event.target && event.target.matches && event.target.matches(testIdSelector(f.testId))) {
        event.target.value = '';
      }
    });
  }, true);

  // ---- layout

  function header() {
    var n = count();
    var badge = n > 0 ? '<span class="badge" data-test="shopping-cart-badge">' + n + '</span>' : '';
    return '<header class="bar">' +
      '<button type="button" class="menu-button" data-test="open-menu" aria-expanded="false" aria-controls="menu">Menu</button>' +
      '<nav class="menu" id="menu" data-test="menu" hidden><a href="/inventory" data-link data-test="inventory-sidebar-link">All items</a>' +
      '<a href="/cart" data-link data-test="cart-sidebar-link">Cart</a><a href="/" data-test="logout-sidebar-link" data-logout>Log out</a></nav>' +
      '<a class="logo" href="/inventory" data-link data-test="app-logo">Bean &amp; Burr Express</a>' +
      '<span class="who" data-test="user-greeting">Signed in as ' + esc(user()) + '</span>' +
      '<a class="cart-link" href="/cart" data-link data-test="shopping-cart-link" aria-label="Cart, ' + n + (n === 1 ? ' item' : ' items') + '">Cart' + badge + '</a>' +
      '<button type="button" class="mini-toggle" data-test="mini-cart-toggle" aria-expanded="false">Quick view</button>' +
      '<aside class="mini-cart" data-test="mini-cart" hidden></aside>' +
      '</header>';
  }

  function miniCart() {
    var lines = cart();
    if (!lines.length) { return '<p data-test="mini-cart-empty">Your cart is empty</p>'; }
    var total = 0;
    var items = lines.map(function (l) {
      var p = byId(l.id);
      var cents = p ? unitCents(p, l.variant) * l.quantity : 0;
      total += cents;
      return '<li data-test="mini-cart-item"><span>' + l.quantity + ' × ' + esc(p ? p.name : l.id) + '</span><span>' + money(cents) + '</span></li>';
    }).join('');
    return '<ul>' + items + '</ul><p>Item total <strong data-test="mini-cart-total">' + money(total) + '</strong></p>' +
      '<a href="/cart" data-link data-test="mini-cart-view">View cart</a>';
  }

  function page(title, body) {
    app.innerHTML = header() + '<main class="main"><h1 class="title" data-test="title">' + esc(title) + '</h1>' + body + '</main>';
  }

  // ---- views

  function loginView() {
    app.innerHTML = '<main class="login"><h1 class="logo">Bean &amp; Burr Express</h1>' +
      '<form class="login-form" data-test="login-form" novalidate>' +
      '<input data-test="username" id="user-name" name="username" placeholder="Username" autocomplete="username">' +
      '<input data-test="password" id="password" name="password" type="password" placeholder="Password" autocomplete="current-password">' +
      '<div class="error-slot"></div>' +
      '<button type="submit" data-test="login-button">Login</button>' +
      '</form><p class="hint">Sandbox login: <code>shopper</code> / <code>flows-demo</code></p></main>';
    app.querySelector('form').addEventListener('submit', function (event) {
      event.preventDefault();
      var form = event.target;
      fetch('/api/login', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: form.username.value, password: form.password.value })
      }).then(function (r) { return r.json(); }).then(function (body) {
        if (body.ok) {
          localStorage.setItem(USER_KEY, body.username);
          go('/inventory');
        } else {
          form.querySelector('.error-slot').innerHTML = '<p class="error" data-test="error">' + esc(body.message) + '</p>';
        }
      });
    });
  }

  var SORTS = [['az', 'Name (A to Z)'], ['za', 'Name (Z to A)'], ['lohi', 'Price (low to high)'], ['hilo', 'Price (high to low)']];

  function sorted(list, key) {
    var copy = list.slice();
    var byName = function (a, b) { return a.name.localeCompare(b.name); };
    var byPrice = function (a, b) { return a.listPriceCents - b.listPriceCents || byName(a, b); };
    copy.sort({ az: byName, za: function (a, b) { return byName(b, a); }, lohi: byPrice, hilo: function (a, b) { return byPrice(b, a); } }[key] || byName);
    return copy;
  }

  function card(p) {
    return '<li class="item" data-test="inventory-item" data-product-id="' + esc(p.id) + '" data-stock="' + (p.inStock ? 'in' : 'out') + '">' +
      '<img data-test="inventory-item-img" data-product-id="' + esc(p.id) + '" src="' + esc(p.image) + '" alt="' + esc(p.name) + '" width="120" height="86">' +
      '<a href="' + esc(p.href) + '" data-link data-test="inventory-item-name">' + esc(p.name) + '</a>' +
      '<span class="price" data-test="inventory-item-price">' + esc(p.listPrice) + '</span>' +
      '<span class="stock" data-test="inventory-item-stock">' + (p.inStock ? 'In stock' : 'Out of stock') + '</span></li>';
  }

  function inventoryView(token) {
    var key = new URLSearchParams(location.search).get('sort') || 'az';
    page('Products', '<div class="tools"><label for="sort">Sort</label><select id="sort" data-test="product-sort-container">' +
      SORTS.map(function (s) { return '<option value="' + s[0] + '"' + (s[0] === key ? ' selected' : '') + '>' + s[1] + '</option>'; }).join('') +
      '</select> <span data-test="inventory-count"></span></div><ul class="inventory" data-test="inventory-list-slot"><li class="loading">Loading…</li></ul>');
    return loadProducts().then(function (body) {
      var draw = function () {
        if (token !== routeToken) { return; }
        var list = sorted(body.products, key);
        var slot = app.querySelector('[data-test="inventory-list-slot"]');
        slot.outerHTML = '<ul class="inventory" data-test="inventory-list">' + list.map(card).join('') + '</ul>';
        app.querySelector('[data-test="inventory-count"]').textContent = list.length + ' products';
        applyPageFaults(location.pathname);
      };
      if (body.renderDelayMs > 0) { setTimeout(draw, body.renderDelayMs); } else { draw(); }
      return 'later';
    });
  }

  function itemView(id) {
    var initial = FLOWS.initialProduct && FLOWS.initialProduct.id === id ? FLOWS.initialProduct : null;
    FLOWS.initialProduct = null;   // only the first render: later visits ask the API
    if (!initial) { page('', '<p class="loading">Loading…</p>'); }
    var data = initial ? Promise.resolve(initial) : fetch('/api/products/' + encodeURIComponent(id), { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status + ' from /api/products/' + id); }
      return r.json();
    });
    return data.then(function (p) {
      var chosen = p.variants.length ? p.variants[0].id : '';
      var swatches = p.variants.length ? '<div class="swatches" role="group" data-test="swatches" aria-label="' + esc(p.variantLabel) + '">' +
        p.variants.map(function (v, i) {
          return '<button type="button" class="swatch" data-test="swatch" data-value="' + esc(v.id) + '" aria-label="' + esc(v.label) + '" aria-pressed="' + (i === 0) + '">' + esc(v.label) + '</button>';
        }).join('') + '</div>' : '';
      app.innerHTML = header() + '<main class="main item-page" data-product-id="' + esc(p.id) + '">' +
        '<a href="/inventory" data-link data-test="back-to-products">← Back to products</a>' +
        '<div class="item-detail"><img data-test="item-img" data-product-id="' + esc(p.id) + '" src="' + esc(p.image) + '" alt="' + esc(p.name) + '" width="240" height="172">' +
        '<div><h1 data-test="item-name">' + esc(p.name) + '</h1>' +
        '<p class="price" data-test="item-price">' + money(unitCents(p, chosen)) + '</p>' +
        '<p data-test="item-stock">' + (p.inStock ? 'In stock' : 'Out of stock') + '</p>' +
        '<p data-test="item-description">' + esc(p.description) + '</p>' + swatches +
        '<label for="qty">Quantity</label> <input id="qty" type="number" min="1" max="99" value="1" data-test="item-quantity"> ' +
        '<button type="button" data-test="add-to-cart"' + (p.inStock ? '' : ' disabled') + '>Add to cart</button>' +
        '<div class="messages" aria-live="polite"></div></div></div></main>';
      app.querySelectorAll('[data-test="swatch"]').forEach(function (b) {
        b.addEventListener('click', function () {
          chosen = b.getAttribute('data-value');
          app.querySelectorAll('[data-test="swatch"]').forEach(function (o) { o.setAttribute('aria-pressed', String(o === b)); });
          app.querySelector('[data-test="item-price"]').textContent = money(unitCents(p, chosen));
        });
      });
      app.querySelector('[data-test="add-to-cart"]').addEventListener('click', function () {
        var box = app.querySelector('.messages');
        var quantity = parseInt(app.querySelector('[data-test="item-quantity"]').value, 10);
        if (!(quantity >= 1 && quantity <= 99)) {
          box.innerHTML = '<p class="error" data-test="cart-error">Quantity must be between 1 and 99</p>';
          return;
        }
        if (p.dead) { return; }   // the fault: nothing happens, nothing is said
        var lines = cart();
        var same = lines.filter(function (l) { return l.id === p.id && l.variant === chosen; })[0];
        if (same) {
          same.quantity = Math.min(99, same.quantity + quantity);
        } else {
          lines.unshift({ id: p.id, variant: chosen, quantity: quantity });   // newest line first
        }
        saveCart(lines);
        refreshHeader();
        box.innerHTML = '<p class="notice" data-test="cart-notice">Added ' + quantity + ' × ' + esc(p.name) + ' to your cart</p>';
      });
      applyPageFaults(location.pathname);
      return 'done';
    });
  }

  function refreshHeader() {
    var old = app.querySelector('header.bar');
    if (old) {
      var fresh = document.createElement('div');
      fresh.innerHTML = header();
      old.replaceWith(fresh.firstChild);
    }
  }

  function cartLine(l, editable) {
    var p = byId(l.id) || { name: l.id, priceCents: 0, variants: [] };
    var v = (p.variants || []).filter(function (x) { return x.id === l.variant; })[0];
    var unit = unitCents(p, l.variant);
    return '<li class="cart-item" data-test="cart-item" data-product-id="' + esc(l.id) + '" data-variant="' + esc(l.variant) + '">' +
      '<span class="qty-box">' +
      (editable ? '<button type="button" data-test="cart-item-decrease" aria-label="Decrease"' + (l.quantity <= 1 ? ' disabled' : '') + '>−</button>' : '') +
      '<span data-test="cart-item-quantity">' + l.quantity + '</span>' +
      (editable ? '<button type="button" data-test="cart-item-increase" aria-label="Increase">+</button>' : '') + '</span>' +
      '<a href="/item/' + esc(l.id) + '" data-link data-test="cart-item-name">' + esc(p.name) + '</a>' +
      (v ? '<span data-test="cart-item-variant">' + esc(v.label) + '</span>' : '') +
      '<span data-test="cart-item-price">' + money(unit) + '</span>' +
      '<span data-test="cart-item-total">' + money(unit * l.quantity) + '</span>' +
      (editable ? '<button type="button" data-test="cart-item-remove">Remove</button>' : '') + '</li>';
  }

  function itemTotal() {
    return cart().reduce(function (sum, l) { var p = byId(l.id); return sum + (p ? unitCents(p, l.variant) * l.quantity : 0); }, 0);
  }

  function cartView() {
    return loadProducts().then(function () {
      var lines = cart();
      if (!lines.length) {
        page('Your cart', '<p class="empty" data-test="cart-empty">Your cart is empty</p><a href="/inventory" data-link data-test="continue-shopping">Continue shopping</a>');
      } else {
        page('Your cart', '<ul class="cart-list" data-test="cart-list">' + lines.map(function (l) { return cartLine(l, true); }).join('') + '</ul>' +
          '<p class="sum">Item total <strong data-test="cart-subtotal">' + money(itemTotal()) + '</strong></p>' +
          '<a href="/inventory" data-link data-test="continue-shopping">Continue shopping</a> ' +
          '<button type="button" data-test="checkout">Checkout</button>');
        app.querySelectorAll('[data-test="cart-item"]').forEach(function (row, index) {
          var change = function (delta) {
            var all = cart();
            if (delta === 0) { all.splice(index, 1); } else { all[index].quantity = Math.max(1, Math.min(99, all[index].quantity + delta)); }
            saveCart(all);
            cartView();
          };
          row.querySelector('[data-test="cart-item-increase"]').addEventListener('click', function () { change(1); });
          row.querySelector('[data-test="cart-item-decrease"]').addEventListener('click', function () { change(-1); });
          row.querySelector('[data-test="cart-item-remove"]').addEventListener('click', function () { change(0); });
        });
        app.querySelector('[data-test="checkout"]').addEventListener('click', function () {
          go(FLOWS.checkout === 'one-page' ? '/checkout' : '/checkout/step-one');
        });
      }
      applyPageFaults(location.pathname);
      return 'done';
    });
  }

  function field(id, label, type) {
    return '<div class="field"><label for="' + id + '">' + label + '</label><input id="' + id + '" name="' + id + '" type="' + (type || 'text') + '" data-test="' + id + '"></div>';
  }

  var contact = {};

  function stepOneView() {
    page('Checkout: Your Information', '<form data-test="checkout-info" novalidate>' + field('firstName', 'First Name') + field('lastName', 'Last Name') +
      field('postalCode', 'Zip/Postal Code') + '<div class="error-slot"></div>' +
      '<a href="/cart" data-link data-test="cancel">Cancel</a> <button type="submit" data-test="continue">Continue</button></form>');
    app.querySelector('form').addEventListener('submit', function (event) {
      event.preventDefault();
      var f = event.target;
      var missing = [['firstName', 'First Name'], ['lastName', 'Last Name'], ['postalCode', 'Postal Code']]
        .filter(function (x) { return !f[x[0]].value.trim(); })[0];
      if (missing) {
        f.querySelector('.error-slot').innerHTML = '<p class="error" data-test="error">Error: ' + missing[1] + ' is required</p>';
        return;
      }
      contact = { firstName: f.firstName.value.trim(), lastName: f.lastName.value.trim(), postalCode: f.postalCode.value.trim() };
      go('/checkout/step-two');
    });
    applyPageFaults(location.pathname);
    return Promise.resolve('done');
  }

  function totalsHtml(shippingCents) {
    var sub = itemTotal();
    var tax = percent(sub, FLOWS.taxPercent);
    return '<dl class="totals"><dt>Item total</dt><dd data-test="subtotal">' + money(sub) + '</dd>' +
      (shippingCents == null ? '' : '<dt>Shipping</dt><dd data-test="shipping-total">' + money(shippingCents) + '</dd>') +
      '<dt>Tax (' + FLOWS.taxPercent + '%)</dt><dd data-test="tax">' + money(tax) + '</dd>' +
      '<dt>Total</dt><dd data-test="total">' + money(sub + tax + (shippingCents || 0)) + '</dd></dl>';
  }

  function placeOrder(body, onError) {
    body.lines = cart();
    return fetch('/api/orders', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (b) { return { ok: r.ok, body: b }; });
    }).then(function (result) {
      if (!result.ok) { onError(result.body.message || 'The order failed'); return; }
      saveCart([]);
      sessionStorage.setItem('flows-express-order', result.body.number);
      go('/checkout/complete');
    });
  }

  function stepTwoView() {
    if (!contact.firstName) { go('/checkout/step-one'); return Promise.resolve('moved'); }
    return loadProducts().then(function () {
      page('Checkout: Overview', '<ul class="cart-list" data-test="cart-list">' + cart().map(function (l) { return cartLine(l, false); }).join('') + '</ul>' +
        '<p data-test="payment-info">Payment: invoice (sandbox)</p>' + totalsHtml(null) + '<div class="error-slot"></div>' +
        '<a href="/inventory" data-link data-test="cancel">Cancel</a> <button type="button" data-test="finish">Finish</button>');
      app.querySelector('[data-test="finish"]').addEventListener('click', function () {
        placeOrder({ contact: contact }, function (message) {
          app.querySelector('.error-slot').innerHTML = '<p class="error" data-test="error">' + esc(message) + '</p>';
        });
      });
      applyPageFaults(location.pathname);
      return 'done';
    });
  }

  var PROVINCES = ['Alberta', 'British Columbia', 'Manitoba', 'Ontario', 'Quebec'];

  function onePageView() {
    return loadProducts().then(function () {
      if (!cart().length) { go('/cart'); return 'moved'; }
      page('Checkout', '<form data-test="checkout-form" novalidate>' +
        '<fieldset><legend>Contact</legend>' + field('email', 'Email', 'email') + field('phone', 'Phone', 'tel') + '</fieldset>' +
        '<fieldset><legend>Address</legend>' + field('firstName', 'First name') + field('lastName', 'Last name') + field('street', 'Street') +
        field('postalCode', 'Postal code') + field('city', 'City') +
        '<div class="field"><label for="country">Country</label><select id="country" data-test="country"><option value="CA">Canada</option></select></div>' +
        '<div class="field"><span id="province-label">Province</span>' +
        '<button type="button" class="combo" data-test="province" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-labelledby="province-label">Choose a province</button>' +
        '<ul class="listbox" role="listbox" data-test="province-options" hidden>' +
        PROVINCES.map(function (p) { return '<li role="option" tabindex="-1" aria-selected="false" data-value="' + esc(p) + '">' + esc(p) + '</li>'; }).join('') + '</ul></div></fieldset>' +
        '<fieldset data-test="shipping-method"><legend>Shipping method</legend>' +
        '<label><input type="radio" name="shipping" value="standard"> Standard (€4.90)</label>' +
        '<label><input type="radio" name="shipping" value="express"> Express (€14.90)</label></fieldset>' +
        '<fieldset data-test="payment-method"><legend>Payment method</legend>' +
        '<label><input type="radio" name="payment" value="cod"> Cash on delivery</label>' +
        '<label><input type="radio" name="payment" value="card"> Card</label>' +
        '<div class="field card-field" hidden><label for="card">Card number</label><input id="card" data-test="card-number" inputmode="numeric"></div></fieldset>' +
        '<div class="summary" data-test="order-summary"></div><div class="error-slot"></div>' +
        '<button type="submit" data-test="place-order">Place order</button></form>');
      var form = app.querySelector('form');
      var province = '';
      var combo = app.querySelector('[data-test="province"]');
      var listbox = app.querySelector('[data-test="province-options"]');
      combo.addEventListener('click', function () {
        listbox.hidden = !listbox.hidden;
        combo.setAttribute('aria-expanded', String(!listbox.hidden));
      });
      listbox.querySelectorAll('[role="option"]').forEach(function (o) {
        o.addEventListener('click', function () {
          province = o.getAttribute('data-value');
          combo.textContent = province;
          listbox.querySelectorAll('[role="option"]').forEach(function (x) { x.setAttribute('aria-selected', String(x === o)); });
          listbox.hidden = true;
          combo.setAttribute('aria-expanded', 'false');
        });
      });
      var summary = function () {
        var s = form.querySelector('input[name="shipping"]:checked');
        app.querySelector('[data-test="order-summary"]').innerHTML = totalsHtml(s ? (s.value === 'express' ? 1490 : 490) : 0);
        var pay = form.querySelector('input[name="payment"]:checked');
        form.querySelector('.card-field').hidden = !(pay && pay.value === 'card');
      };
      form.addEventListener('change', summary);
      summary();
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var value = function (n) { return form.querySelector('[data-test="' + n + '"]').value.trim(); };
        var s = form.querySelector('input[name="shipping"]:checked');
        var pay = form.querySelector('input[name="payment"]:checked');
        var body = {
          contact: { email: value('email'), phone: value('phone'), firstName: value('firstName'), lastName: value('lastName'),
            street: value('street'), postalCode: value('postalCode'), city: value('city'), country: value('country'), province: province },
          shipping: s ? s.value : '', payment: pay ? pay.value : '', card: value('card-number')
        };
        var missing = ['email', 'phone', 'firstName', 'lastName', 'street', 'postalCode', 'city', 'province']
          .filter(function (k) { return !body.contact[k]; });
        var slot = form.querySelector('.error-slot');
        if (missing.length || !body.shipping || !body.payment) {
          slot.innerHTML = '<p class="error" data-test="error">Please complete: ' +
            missing.concat(body.shipping ? [] : ['shipping method'], body.payment ? [] : ['payment method']).join(', ') + '</p>';
          return;
        }
        placeOrder(body, function (message) { slot.innerHTML = '<p class="error" data-test="error">' + esc(message) + '</p>'; });
      });
      applyPageFaults(location.pathname);
      return 'done';
    });
  }

  function completeView() {
    var number = sessionStorage.getItem('flows-express-order');
    page('Checkout: Complete!', number
      ? '<h2 data-test="complete-header">Thank you for your order!</h2><p>Order <strong data-test="order-number">' + esc(number) + '</strong></p>' +
        '<a href="/inventory" data-link data-test="back-home">Back Home</a>'
      : '<p data-test="no-order">No order was placed in this tab.</p>');
    applyPageFaults(location.pathname);
    return Promise.resolve('done');
  }

  function notFoundView() {
    page('Page not found', '<p data-test="not-found">There is no page at ' + esc(location.pathname) + '.</p>');
    return Promise.resolve('done');
  }

  // ---- router

  function render() {
    var path = location.pathname;
    var token = ++routeToken;
    if (path === '/' || !user()) {
      if (user() && path === '/') { history.replaceState({}, '', '/inventory'); return render(); }
      if (path !== '/') { history.replaceState({}, '', '/'); }
      loginView();
      applyPageFaults('/');
      return;
    }
    var view;
    if (path === '/inventory') { view = inventoryView(token); }
    else if (/^\/item\/[a-z0-9-]+$/.test(path)) { view = itemView(path.substring('/item/'.length)); }
    else if (path === '/cart') { view = cartView(); }
    else if (path === '/checkout/step-one') { view = stepOneView(); }
    else if (path === '/checkout/step-two') { view = stepTwoView(); }
    else if (path === '/checkout' && FLOWS.checkout === 'one-page') { view = onePageView(); }
    else if (path === '/checkout') { go('/checkout/step-one'); return; }
    else if (path === '/checkout/complete') { view = completeView(); }
    else { view = notFoundView(); }
    view.catch(function (error) {
      if (token !== routeToken) { return; }
      app.innerHTML = header() + '<main class="main"><p class="error" data-test="load-error">Something went wrong: ' + esc(error.message) + '</p></main>';
    });
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-link], a[data-logout]') : null;
    if (link && !event.defaultPrevented && event.button === 0) {
      event.preventDefault();
      if (link.hasAttribute('data-logout')) {
        localStorage.removeItem(USER_KEY);
      }
      go(link.getAttribute('href'));
      return;
    }
    var menu = event.target.closest ? event.target.closest('[data-test="open-menu"]') : null;
    if (menu) {
      var nav = document.getElementById('menu');
      nav.hidden = !nav.hidden;
      menu.setAttribute('aria-expanded', String(!nav.hidden));
    }
    var toggle = event.target.closest ? event.target.closest('[data-test="mini-cart-toggle"]') : null;
    if (toggle) {
      var drawer = app.querySelector('[data-test="mini-cart"]');
      (products ? Promise.resolve() : loadProducts()).then(function () {
        drawer.innerHTML = miniCart();
        drawer.hidden = !drawer.hidden;
        toggle.setAttribute('aria-expanded', String(!drawer.hidden));
      });
    }
  });
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-test="product-sort-container"]')) {
      go('/inventory?sort=' + encodeURIComponent(event.target.value));
    }
  });
  window.addEventListener('popstate', render);
  render();
})();
