from wagtail.models import Locale, Page, Site

from civic_wagtail.seeding import Seeder

from .models import HomePage

INTRO = (
    "Where public servants share what worked: practices with measured outcomes, "
    "peer review, discussion, events and mentoring."
)


#: The home page's blocks (:func:`civic_wagtail.blocks.home_page_blocks`), in the demo's order.
ACTIVITY = [
    ("search", {"label": ""}),
    ("latest_practices", {"heading": "", "count": 4}),
    ("upcoming_events", {"heading": "", "count": 4}),
    ("newest_case_studies", {"heading": "", "count": 4}),
    ("active_discussions", {"heading": "", "count": 4}),
    ("available_mentors", {"heading": "", "count": 4}),
]


class HomeSeeder(Seeder):
    order = 20
    name = "home page"

    def seed(self, ctx):
        root = Page.get_first_root_node()
        if root is None:  # a flushed database has no page tree at all
            root = Page.add_root(
                instance=Page(title="Root", slug="root", locale=Locale.get_default())
            )
        # Wagtail's "Welcome to your new Wagtail site!" page (a plain Page that its initial
        # migration puts under the root) is not part of the demo: delete it.
        for old in root.get_children().exact_type(Page):
            old.delete()
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None:
            home = HomePage(
                title="Civic Exchange",
                slug="home",
                intro=INTRO,
                body=f"<p>{BODY}</p>",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        if not home.activity:
            home.activity = ACTIVITY
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "Civic Exchange"
        site.save()
        ctx.shared["home"] = home


BODY = "A demo of civic_wagtail with realistic, fictional content."

#: The home page in French and Spanish (civic_wagtail's locale seeder translates with these).
TRANSLATIONS = {
    "fr": {
        "Civic Exchange": "Civic Exchange",
        INTRO: "Là où les agents publics partagent ce qui a fonctionné : des pratiques aux "
        "résultats mesurés, l'évaluation par les pairs, des discussions, des événements et du "
        "mentorat.",
        BODY: "Une démonstration de civic_wagtail avec un contenu réaliste et fictif.",
    },
    "es": {
        "Civic Exchange": "Civic Exchange",
        INTRO: "Donde los servidores públicos comparten lo que funcionó: prácticas con "
        "resultados medidos, revisión por pares, debates, eventos y mentoría.",
        BODY: "Una demostración de civic_wagtail con contenido realista y ficticio.",
    },
}

SEEDERS = [HomeSeeder]
