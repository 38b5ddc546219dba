"""The transparency app's part of a member's data export (``civic_wagtail_export_member``).

A member's consultation responses go with the account (CASCADE): erasure needs no hook.
Alert subscriptions are not tied to accounts (they are deleted by their unsubscribe link).
"""

from .models import Answer, ParagraphComment


def export_member(user):
    answers = Answer.objects.filter(respondent__user=user).select_related(
        "question", "respondent__consultation"
    )
    comments = ParagraphComment.objects.filter(respondent__user=user).select_related(
        "consultation"
    )
    return {
        "consultation_answers": [
            {
                "consultation": row.respondent.consultation.title,
                "question": row.question.text,
                "choice": row.choice,
                "text": row.text,
                "submitted_at": row.respondent.submitted_at,
            }
            for row in answers
        ],
        "consultation_comments": [
            {"consultation": row.consultation.title, "paragraph": row.paragraph, "text": row.text}
            for row in comments
        ],
    }
