"""Forms of the member's pages. Error messages say what to change."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import AdoptionTracker, CheckIn, Goal, Rating, ReminderSetting, Team

NUMBER = {
    "max_digits": 16,
    "decimal_places": 4,
    "min_value": Decimal("-1e11"),
    "max_value": Decimal("1e11"),
}


class AssessmentForm(forms.Form):
    """One level, target, confidence and evidence field per competency of the framework."""

    def __init__(self, *args, framework, competencies, levels, names, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        choices = [(str(n), f"{n}. {level.name}") for n, level in enumerate(levels, start=1)]
        self.rows = []
        for competency in competencies:
            name = names.get(competency.pk, competency.name)
            before = (previous or {}).get(competency.pk)
            prefix = f"c{competency.pk}"
            self.fields[f"{prefix}_level"] = forms.TypedChoiceField(
                label=_("Your level in %(name)s") % {"name": name},
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=str(before.level) if before else None,
                error_messages={"required": _("Choose the level that describes you today.")},
            )
            self.fields[f"{prefix}_target"] = forms.TypedChoiceField(
                label=_("Level you aim for in %(name)s") % {"name": name},
                choices=choices,
                coerce=int,
                initial=str(before.target) if before else choices[-1][0],
                error_messages={"required": _("Choose the level you aim for.")},
            )
            self.fields[f"{prefix}_confidence"] = forms.TypedChoiceField(
                label=_("How sure are you?"),
                choices=Rating.Confidence.choices,
                coerce=int,
                initial=Rating.Confidence.FAIRLY,
            )
            self.fields[f"{prefix}_evidence"] = forms.CharField(
                label=_("Evidence (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("What you did that shows this level."),
            )
            self.rows.append(
                {
                    "competency": competency,
                    "name": name,
                    "descriptors": list(zip(choices, competency.descriptor_list(), strict=False)),
                    "fields": [
                        self[f"{prefix}_{part}"]
                        for part in ("level", "target", "confidence", "evidence")
                    ],
                }
            )

    def clean(self):
        cleaned = super().clean()
        for competency in self.competencies:
            level = cleaned.get(f"c{competency.pk}_level")
            target = cleaned.get(f"c{competency.pk}_target")
            if level and target and target < level:
                self.add_error(
                    f"c{competency.pk}_target",
                    _("Aim for your current level or higher (you chose level %(level)s today).")
                    % {"level": level},
                )
        return cleaned

    def ratings(self):
        data = self.cleaned_data
        return [
            {
                "competency": competency,
                "level": data[f"c{competency.pk}_level"],
                "target": data[f"c{competency.pk}_target"],
                "confidence": data[f"c{competency.pk}_confidence"],
                "evidence": data[f"c{competency.pk}_evidence"],
            }
            for competency in self.competencies
        ]


def mentor_name(user):
    """The name members know a mentor by: their profile's display name, else the username."""
    profile = getattr(user, "civic_profile", None)
    return getattr(profile, "display_name", "") or user.get_username()


class ShareForm(forms.Form):
    mentor = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Share with a mentor"),
        empty_label=_("Nobody (private)"),
        help_text=_("Only your own mentors are listed. They can read it, not change it."),
    )

    def __init__(self, *args, mentors, with_profile=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors
        self.fields["mentor"].label_from_instance = mentor_name
        if with_profile:
            self.fields["show_on_profile"] = forms.BooleanField(
                required=False, label=_("Show a summary of my levels on my public profile")
            )


class GoalForm(forms.ModelForm):
    milestones = forms.CharField(
        label=_("Milestones"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, for a goal made of milestones."),
        max_length=4000,
    )
    baseline = forms.DecimalField(label=_("Baseline"), required=False, **NUMBER)
    target = forms.DecimalField(label=_("Target"), required=False, **NUMBER)

    class Meta:
        model = Goal
        fields = [
            "title",
            "why",
            "competency",
            "kind",
            "indicator",
            "unit",
            "baseline",
            "target",
            "start_date",
            "due_date",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "due_date": forms.DateInput(attrs={"type": "date"}),
            "why": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, competencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = competencies
        self.fields["competency"].required = False

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Goal.Kind.TARGET:
            if not cleaned.get("indicator"):
                self.add_error("indicator", _("Say what you will measure (the indicator)."))
            if cleaned.get("target") is None:
                self.add_error("target", _("Give the value you aim to reach."))
            if cleaned.get("baseline") is not None and cleaned.get("baseline") == cleaned.get(
                "target"
            ):
                self.add_error("target", _("The target must differ from the baseline."))
            if not cleaned.get("due_date"):
                self.add_error("due_date", _("Give a due date for a measurable target."))
        elif kind == Goal.Kind.MILESTONES and not self.milestone_titles():
            self.add_error("milestones", _("Write at least one milestone, one per line."))
        start, due = cleaned.get("start_date"), cleaned.get("due_date")
        if start and due and due <= start:
            self.add_error("due_date", _("The due date must come after the start date."))
        return cleaned

    def milestone_titles(self):
        text = self.cleaned_data.get("milestones") or ""
        return [line.strip(" -*\t")[:200] for line in text.splitlines() if line.strip(" -*\t")]


class CheckInForm(forms.ModelForm):
    value = forms.DecimalField(label=_("Value today"), required=False, **NUMBER)

    class Meta:
        model = CheckIn
        fields = ["date", "value", "milestones_done", "note", "confidence"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "milestones_done": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
            "confidence": forms.RadioSelect,
        }
        labels = {"confidence": _("How confident are you of reaching the goal?")}

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal
        if goal.kind == Goal.Kind.MILESTONES:
            del self.fields["value"]
            self.fields["milestones_done"].queryset = goal.milestones.filter(done_on__isnull=True)
            self.fields["milestones_done"].label = _("Milestones done since last time")
        else:
            del self.fields["milestones_done"]
            self.fields["value"].label = _("%(indicator)s today") % {"indicator": goal.indicator}
            if goal.unit:
                self.fields["value"].help_text = _("In %(unit)s.") % {"unit": goal.unit}

    def clean(self):
        cleaned = super().clean()
        if self.goal.kind == Goal.Kind.TARGET and cleaned.get("value") is None:
            self.add_error("value", _("Give the value you measured."))
        return cleaned


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a comment before sending it.")},
    )


class ReminderForm(forms.ModelForm):
    class Meta:
        model = ReminderSetting
        fields = ["frequency"]
        widgets = {"frequency": forms.RadioSelect}
        labels = {"frequency": _("Email me a reminder to check in on my goals")}


class TrackerForm(forms.ModelForm):
    practice = forms.TypedChoiceField(label=_("Practice adopted"), coerce=int, required=True)
    indicators = forms.CharField(
        label=_("Indicators and baselines"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            'One per line: "indicator; unit; baseline; target", e.g. '
            '"Days to issue a permit; days; 40; 20". The target is optional.'
        ),
        max_length=4000,
    )

    # ``practice`` is a page id chosen from live practices; ``save`` stores it. It stays out of
    # ``Meta.fields``: the model form would assign the id to the foreign key and fail.
    field_order = ["practice"]

    class Meta:
        model = AdoptionTracker
        fields = ["title", "organisation", "place", "challenge", "started_on"]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}),
            "challenge": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, practices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice"].choices = [("", "---------")] + [
            (page.pk, page.title) for page in practices
        ]
        self.fields["practice"].error_messages["required"] = _(
            "Choose the practice your organisation adopted."
        )
        self.fields["practice"].error_messages["invalid_choice"] = _(
            "Choose a practice from the list."
        )

    def clean_practice(self):
        return self.cleaned_data["practice"]

    def clean_indicators(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["indicators"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")]
            if len(parts) < 3 or not parts[0]:
                raise ValidationError(
                    _('Line %(n)s: write "indicator; unit; baseline" (and optionally "; target").')
                    % {"n": number}
                )
            try:
                baseline = Decimal(parts[2].replace(",", "."))
                target = (
                    Decimal(parts[3].replace(",", ".")) if len(parts) > 3 and parts[3] else None
                )
            except ArithmeticError:
                raise ValidationError(
                    _("Line %(n)s: the baseline and target must be numbers.") % {"n": number}
                ) from None
            if (
                not baseline.is_finite()
                or abs(baseline) > Decimal("1e11")
                or (
                    target is not None
                    and (not target.is_finite() or abs(target) > Decimal("1e11"))
                )
            ):
                raise ValidationError(_("Line %(n)s: the numbers are too large.") % {"n": number})
            rows.append(
                {
                    "name": parts[0][:200],
                    "unit": parts[1][:60],
                    "baseline": baseline,
                    "target": target,
                }
            )
        if not rows:
            raise ValidationError(_("Give at least one indicator with its baseline."))
        return rows

    def save(self, commit=True):
        self.instance.practice_id = self.cleaned_data["practice"]
        return super().save(commit)


class MeasurementForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value measured"), **NUMBER)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.pk, i.name) for i in indicators]


class TrackerStoryForm(forms.ModelForm):
    class Meta:
        model = AdoptionTracker
        fields = ["what_was_done", "lessons"]
        widgets = {
            "what_was_done": forms.Textarea(attrs={"rows": 4}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
        }


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name"]


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's email address"),
        help_text=_("They must have an account on this site; they accept the invitation."),
    )
