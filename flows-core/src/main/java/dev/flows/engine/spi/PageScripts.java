package dev.flows.engine.spi;

import dev.flows.browser.InvalidLocatorException;
import dev.flows.browser.Locator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The scripts every engine runs in the page, so that "visible", "text" and "select" mean exactly the same on
 * Playwright and on Selenium. Each is a JavaScript function taking (elements, argument).
 */
public final class PageScripts {

    private PageScripts() {
    }

    /**
     * Counts the matches and describes the one at index {@code i}. Visible means what Playwright means by it:
     * a non-empty box and no {@code visibility: hidden}.
     */
    public static final String ELEMENT_STATE = """
            (els, i) => {
              // Until DOMContentLoaded's handlers are done, the page's own scripts (deferred ones too) may not have
              // wired its controls up yet: an action then would do nothing.
              const nav = performance.getEntriesByType('navigation')[0];
              const loading = !!nav && !(nav.domContentLoadedEventEnd > 0);
              const el = els[i];
              if (!el) return { count: els.length, loading };
              const rect = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              const visible = rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden';
              const enabled = !el.matches(':disabled');
              const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
              const typable = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
              const editable = enabled && (typable ? !el.readOnly : el.isContentEditable);
              const attributes = {};
              for (const name of el.getAttributeNames()) attributes[name] = el.getAttribute(name);
              const text = el instanceof HTMLElement ? el.innerText : el.textContent;
              return { count: els.length, tag: el.tagName.toLowerCase(), visible, enabled, editable,
                       text: text == null ? '' : String(text), value: field ? String(el.value) : null, attributes, loading };
            }""";

    /**
     * Resolves a locator in the page in one script, so that a look costs one round-trip on every engine: WebDriver's
     * own search costs one per segment, Playwright's a query, an evaluation and a release. Each segment is searched
     * for inside every match of the one before, and the matches are kept once each, in the order first found, which
     * is document order: what Playwright's chained locators find, so that an engine's action on the locator's n-th
     * match acts on the element this found. The argument is {@link #chain}: {@code [kind, expression, index]}
     * triples ({@code 'css'} or {@code 'xpath'}; index null for all matches); an XPath after the first segment that
     * starts with {@code /} is read relative to the previous match, as WebDriver and Playwright read it. Returns the
     * elements, or {@code {invalid: message}} when the browser refuses an expression.
     */
    public static final String FIND = """
            (chain) => {
              let contexts = [document], found = [];
              try {
                chain.forEach(([kind, expression, index], n) => {
                  found = [];
                  for (const context of contexts) {
                    if (kind === 'css') {
                      found.push(...context.querySelectorAll(expression));
                    } else {
                      const xpath = n > 0 && expression.startsWith('/') ? '.' + expression : expression;
                      const r = document.evaluate(xpath, context, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
                      for (let k = 0; k < r.snapshotLength; k++) {
                        const node = r.snapshotItem(k);
                        if (!(node instanceof Element)) throw new SyntaxError('the XPath ' + JSON.stringify(xpath)
                            + ' selects ' + node.nodeName + ', not an element');
                        found.push(node);
                      }
                    }
                  }
                  if (contexts.length > 1) found = [...new Set(found)];
                  if (index != null) found = index < found.length ? [found[index]] : [];
                  contexts = found;
                });
              } catch (e) {
                if (e instanceof SyntaxError
                    || (e instanceof DOMException && (e.name === 'SyntaxError' || e.name === 'NamespaceError'))) {
                  return { invalid: String(e.message) };
                }
                throw e;
              }
              return found;
            }""";

    /** {@code locator} as {@link #FIND} reads it. */
    public static List<List<Object>> chain(Locator locator) {
        List<List<Object>> chain = new ArrayList<>();
        for (Locator.Segment segment : locator.segments()) {
            // Not List.of: the index is null for "all matches".
            chain.add(Arrays.asList(segment.isCss() ? "css" : "xpath", segment.isCss() ? segment.css() : segment.xpath(),
                    segment.index()));
        }
        return chain;
    }

    /**
     * What a script that starts with {@link #FIND} returned, unless FIND found an expression the browser refuses:
     * then an {@link InvalidLocatorException} naming the locator, the browser's reason and {@code engine}.
     */
    public static Object found(Object result, Locator locator, String engine) {
        if (result instanceof Map<?, ?> map && map.containsKey("invalid")) {
            throw new InvalidLocatorException("the browser refused " + locator + " as a locator: " + map.get("invalid")
                    + " [" + engine + "]", null);
        }
        return result;
    }

    /** The rendered text of every match. */
    public static final String TEXTS = """
            (els) => els.map(el => el instanceof HTMLElement ? el.innerText : (el.textContent || ''))""";

    /**
     * Finds the option whose value, or else whose label, is the argument: returns its value, or else a sentence
     * saying what the options are, prefixed with {@code !}.
     */
    public static final String OPTION = """
            (el, wanted) => {
              if (!(el instanceof HTMLSelectElement)) return '!not a <select> but <' + el.tagName.toLowerCase() + '>';
              const options = Array.from(el.options);
              const option = options.find(o => o.value === wanted) || options.find(o => o.label.trim() === wanted.trim());
              if (!option) return '!no option ' + JSON.stringify(wanted) + '; options are ' + options.map(o => JSON.stringify(o.value) + ' (' + o.label.trim() + ')').join(', ');
              return option.value;
            }""";

    /**
     * Sets a {@code <select>} to the option value {@link #OPTION} found, firing input and change as a user's choice
     * does.
     */
    public static final String CHOOSE = """
            (el, value) => {
              el.value = value;
              el.dispatchEvent(new Event('input', { bubbles: true }));
              el.dispatchEvent(new Event('change', { bubbles: true }));
            }""";

    /**
     * Installed before any page script runs, for engines that cannot hear dialogs themselves: answers
     * {@code alert}, {@code confirm} (OK) and {@code prompt} (its default) as a shopper clicking OK would, and keeps
     * what they said in {@code sessionStorage}, which outlives same-origin page loads, for {@link #DIALOGS_TAKE}.
     */
    public static final String DIALOG_RECORDER = """
            (function () {
              var KEY = '__flowsDialogs';
              function record(type, message) {
                try {
                  var all = JSON.parse(sessionStorage.getItem(KEY) || '[]');
                  all.push({ type: type, message: String(message == null ? '' : message), url: location.href });
                  sessionStorage.setItem(KEY, JSON.stringify(all));
                } catch (e) { /* storage blocked: the dialog still does not hang the page */ }
              }
              window.alert = function (m) { record('alert', m); };
              window.confirm = function (m) { record('confirm', m); return true; };
              window.prompt = function (m, d) { record('prompt', m); return d == null ? '' : String(d); };
            })();""";

    /** Returns the dialogs {@link #DIALOG_RECORDER} kept (a JSON array as text, or null) and forgets them. */
    public static final String DIALOGS_TAKE = """
            () => {
              try {
                const all = sessionStorage.getItem('__flowsDialogs');
                sessionStorage.removeItem('__flowsDialogs');
                return all;
              } catch (e) { return null; }
            }""";
}
