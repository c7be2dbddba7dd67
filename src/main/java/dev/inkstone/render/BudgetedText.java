package dev.inkstone.render;

/** The text handed to flexmark; every few thousand character reads it checks the render's budget. */
final class BudgetedText implements CharSequence {

    private static final int CHECK_EVERY = 1 << 14;

    private final String text;
    private final RenderBudget budget;
    private int reads;

    BudgetedText(String text, RenderBudget budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            budget.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
