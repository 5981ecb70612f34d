package dev.flows.engine.spi;

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
              const el = els[i];
              if (!el) return { count: els.length };
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
                       text: text == null ? '' : String(text), value: field ? String(el.value) : null, attributes };
            }""";

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
