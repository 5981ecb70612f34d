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

}
