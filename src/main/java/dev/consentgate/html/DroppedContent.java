package dev.consentgate.html;

/**
 * The content of an element the rewriter removed (a script's, a frame's, an object's), dropped up to the end tag that
 * closes it: elements of the same name inside it are counted, so an inner end tag does not end it early.
 */
final class DroppedContent {

    private boolean active;
    private int nameId;
    private int depth;
    private ForeignContent.State foreignBefore;

    /**
     * {@code foreignBefore}: where SVG and MathML stood before the element, which the output leaves a browser at;
     * null for content the tokenizer reads as text (a script's).
     */
    void start(int elementId, ForeignContent.State foreignBefore) {
        active = true;
        nameId = elementId;
        depth = 1;
        this.foreignBefore = foreignBefore;
    }

    ForeignContent.State foreignBefore() {
        return foreignBefore;
    }

    boolean active() {
        return active;
    }

    /** A start tag inside the dropped content. */
    void startTag(int elementId) {
        if (elementId == nameId) {
            depth++;
        }
    }

    /** An end tag inside the dropped content: whether it closes the removed element, which ends the dropping. */
    boolean endTag(int elementId) {
        if (elementId == nameId && --depth == 0) {
            active = false;
            return true;
        }
        return false;
    }
}
