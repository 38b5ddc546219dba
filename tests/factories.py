import factory
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from civic_wagtail import roles
from civic_wagtail.members.models import MemberProfile, get_profile
from civic_wagtail.models import GovernmentLevel, OrganisationType, Region, Topic


class LocaleMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


class TopicFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic


class GovernmentLevelFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Level {n}")
    slug = factory.Sequence(lambda n: f"level-{n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = GovernmentLevel


class RegionFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = Region


class OrganisationTypeFactory(LocaleMixin):
    name = factory.Sequence(lambda n: f"Organisation type {n}")
    slug = factory.Sequence(lambda n: f"org-type-{n}")

    class Meta:
        model = OrganisationType


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@city.example.gov")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            self.groups.add(roles.get_group(role))


def member(verified=True, role_names=(), **kwargs):
    """A user with a profile, verified unless ``verified=False``."""
    user = UserFactory(roles=["members", *role_names], **kwargs)
    profile = get_profile(user)
    profile.display_name = kwargs.get("username", user.username).title()
    profile.verification_status = (
        MemberProfile.Verification.VERIFIED if verified else MemberProfile.Verification.PENDING
    )
    profile.save()
    return user
