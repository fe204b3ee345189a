"""The learner's confidence-check form: one optional five-point rating per statement."""

from django import forms

from .confidence import SCALE


class ConfidenceForm(forms.Form):
    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = statements
        for statement in statements:
            self.fields[self.field_name(statement)] = forms.TypedChoiceField(
                label=statement.text, choices=SCALE, coerce=int, required=False,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def field_name(statement) -> str:
        return f"statement-{statement.id}"

    def rows(self):
        """(statement, bound field) pairs in order, for the template."""
        return [(s, self[self.field_name(s)]) for s in self.statements]

    def answers(self) -> dict[str, int]:
        """{statement id: value} for the statements the learner rated (an unrated one is left out)."""
        return {
            s.id: self.cleaned_data[self.field_name(s)]
            for s in self.statements
            if self.cleaned_data.get(self.field_name(s)) not in (None, "")
        }
