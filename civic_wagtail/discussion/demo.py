"""Demo forums: one per topic, threads of realistic length and one very long thread."""

import random
from datetime import timedelta

from django.utils import timezone

from civic_wagtail.members.models import is_verified_member
from civic_wagtail.seeding import Seeder, get_or_create_child

from .bulk import create_comments
from .models import ForumIndexPage, ForumTopicPage, Thread

THREAD_TITLES = [
    "How do you keep {topic} backlogs under control?",
    "Looking for a template: service standards for {topic}",
    "What did your first year of digital {topic} teach you?",
    "Procurement tips for {topic} software?",
    "Measuring outcomes in {topic}: which indicators do you trust?",
]
BODIES = [
    "We are reviewing how our team handles **{topic}** and would like to learn from "
    "others before we change anything.\n\n- What worked for you?\n- What would you avoid?",
    "Our council is about to start a pilot on {topic}. Has anyone published an evaluation "
    "we could read? Links to [public reports](https://www.example.org/reports) welcome.",
    "Sharing our notes from last quarter on {topic}, and asking for a second opinion on "
    "the staffing model.",
]
REPLIES = [
    "We had the same problem. A weekly triage meeting with the front desk cut our queue "
    "by a third within two months.",
    "Thanks for sharing. Could you say more about how you measured that?",
    "Our audit office asked for exactly this last year; happy to send the template.",
    "+1. Start small, publish the results, then scale. Residents noticed the difference.",
    "We tried a vendor solution first and regretted it. The in-house prototype was cheaper.",
    "Be careful with the data protection impact assessment: do it before procurement.",
    "Here is the guidance we followed: [national standard](https://www.example.org/standard).",
    "Same experience here. The hardest part was training, not the technology.",
    "Our union asked to be involved early, and that made the rollout much smoother.",
    "Could you share the job description of the coordinator role?",
    "We publish a monthly dashboard; transparency helped with the budget committee.",
    "> Start small\n\nAgreed. Our first pilot covered one district only.",
]
FORUM_INTRO = "Ask colleagues in other public bodies, share what worked, learn together."
FORUM_DESCRIPTION = "Discussion forums by topic for public servants."
#: The forum pages in French and Spanish, for the locale seeder; each topic's page takes its
#: title and introduction from the topic (translated by the core app). Threads and replies
#: are members' own words and are not translated.
TRANSLATIONS = {
    "fr": {
        "Forums": "Forums",
        FORUM_INTRO: "Interrogez vos collègues d'autres organismes publics, partagez ce qui a "
        "fonctionné, apprenez ensemble.",
        FORUM_DESCRIPTION: "Forums de discussion par thème pour les agents publics.",
    },
    "es": {
        "Forums": "Foros",
        FORUM_INTRO: "Pregunte a colegas de otros organismos públicos, comparta lo que "
        "funcionó y aprendan juntos.",
        FORUM_DESCRIPTION: "Foros de debate por tema para servidores públicos.",
    },
}
LONG_THREAD_TITLE = "Open thread: lessons learned from moving {topic} online"


class DiscussionSeeder(Seeder):
    order = 70
    name = "forums and discussion"

    def add_arguments(self, parser):
        parser.add_argument(
            "--comments",
            type=int,
            default=1000,
            help="Comments in the demo's longest thread (default 1000).",
        )

    def seed(self, ctx):
        home = ctx.shared["home"]
        index, _ = get_or_create_child(
            home,
            ForumIndexPage,
            "forum",
            title="Forums",
            intro=FORUM_INTRO,
            show_in_menus=True,
            search_description=FORUM_DESCRIPTION,
        )
        members = [user for user in ctx.shared["users"]["members"] if is_verified_member(user)]
        pending = [user for user in ctx.shared["users"]["members"] if not is_verified_member(user)]
        topics = ctx.shared["topics"]
        for position, topic in enumerate(ctx.progress(topics, "forums")):
            forum, _ = get_or_create_child(
                index,
                ForumTopicPage,
                topic.slug,
                title=topic.name,
                topic=topic,
                intro=topic.description,
                pre_moderation=(position == len(topics) - 1),
            )
            self.seed_forum(ctx, forum, topic, members, long=(position == 0))
        if pending:
            self.seed_held_thread(index, pending[0])
        ctx.shared["forum_index"] = index

    def seed_forum(self, ctx, forum, topic, members, long=False):
        # One generator per forum, drawn from the shared one whether or not anything is
        # created, so a second run makes the same choices and skips what exists.
        rng = random.Random(ctx.rng.random())
        name = topic.name.lower()
        titles = [title.format(topic=name) for title in THREAD_TITLES[: rng.randint(3, 5)]]
        if long:
            titles.insert(0, LONG_THREAD_TITLE.format(topic=name))
        for number, title in enumerate(titles):
            if Thread.objects.filter(forum=forum, title=title).exists():
                continue
            count = ctx.options["comments"] if (long and number == 0) else rng.randint(0, 40)
            started = timezone.now() - timedelta(minutes=10 * count + rng.randint(120, 5000))
            thread = Thread.objects.create(
                forum=forum,
                title=title,
                body=rng.choice(BODIES).format(topic=name),
                author=rng.choice(members),
                created_at=started,
                last_activity_at=started,
            )
            if count:
                comments = create_comments(
                    thread, members, count, rng, REPLIES, start=started + timedelta(minutes=5)
                )
                if rng.random() < 0.5:
                    thread.accepted_comment = rng.choice(comments)
                    thread.save(update_fields=["accepted_comment"])

    def seed_held_thread(self, index, author):
        forum = ForumTopicPage.objects.child_of(index).first()
        title = "Is anyone using open-source case management?"
        if forum is None or Thread.objects.filter(forum=forum, title=title).exists():
            return
        Thread.objects.create(
            forum=forum,
            title=title,
            body="New here: our agency is comparing open-source options.",
            author=author,
            status=Thread.Status.HELD,
            moderation_reason="Posts by members who are not yet verified are held.",
        )


SEEDERS = [DiscussionSeeder]
