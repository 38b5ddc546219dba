"""Models of the transparency app: one module per part."""

from .consultations import (  # noqa: F401
    Answer,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuestion,
    ConsultationStatus,
    OutcomeAlert,
    ParagraphComment,
    QuestionKind,
    Respondent,
)
from .policy import (  # noqa: F401
    AlertSubscription,
    PolicyAlert,
    PolicyChange,
    PolicyIndexPage,
    PolicyRelatedPage,
    PolicyStage,
    PolicyUpdatePage,
)
from .projects import (  # noqa: F401
    ApiToken,
    Measurement,
    Milestone,
    Organisation,
    ProjectGroupObjectPermission,
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
    Spending,
)
