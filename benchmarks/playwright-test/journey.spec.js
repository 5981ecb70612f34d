// The benchmark journey (see dev.flows.benchmarks.Shop): the browser is the worker's, and what is timed is a fresh
// context, the journey and closing the context, as in the Java variants. Prints FLOWS_BENCH_MS=<ms> per journey.
const { test, expect } = require('@playwright/test');

const id = (testId) => `[data-testid='${testId}']`;

test('guest checkout with a cart edit', async ({ browser }) => {
  const base = process.env.FLOWS_BENCH_BASE;
  const rounds = Number(process.env.FLOWS_BENCH_REPEAT || '1');
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.locator(id('category-link')).filter({ hasText: /^Espresso Machines$/ }).click();
    await page.locator("[data-testid='product-card'][data-stock='in']").first().locator(id('product-name')).click();
    await page.locator(id('product-title')).textContent();
    await page.locator(".product__info [data-testid='product-price']").textContent();
    await page.locator(id('quantity')).fill('2');
    await page.locator(id('add-to-cart')).click();
    await expect(page.locator(id('cart-count'))).toHaveText('2');
    await page.goto(new URL('cart', base).toString());
    const line = page.locator(id('cart-line')).first();
    await line.locator(id('line-quantity')).fill('1');
    await line.locator(id('line-update')).click();
    await expect(page.locator(id('cart-count'))).toHaveText('1');
    await page.goto(new URL('cart', base).toString());
    await page.locator(id('checkout-button')).click();
    await page.locator(id('email')).fill('flows-bench@example.test');
    await page.locator(id('firstName')).fill('Flo');
    await page.locator(id('lastName')).fill('Monitor');
    await page.locator(id('street')).fill('Teststraße 1');
    await page.locator(id('postalCode')).fill('10115');
    await page.locator(id('city')).fill('Berlin');
    await page.locator(id('country')).selectOption('DE');
    await page.locator(id('continue-to-payment')).click();
    await expect(page.locator(id('card-number'))).toBeVisible();
    await expect(page.locator(id('card-number'))).toBeEnabled();
    await expect(page.locator(id('place-order'))).toBeVisible();
    await expect(page.locator(id('place-order'))).toBeEnabled();
    await context.close();
    console.log('FLOWS_BENCH_MS=' + Math.round(performance.now() - start));
  }
});
