# ruff: noqa: E501  (translation tables read best one entry per line)
"""The two demo frameworks, written for this project, and their French and Spanish texts.

The digital and data framework follows the shape of the UK Government Digital and Data
capability framework (skills with levels from awareness to expert); the innovation skills
framework is built on the six core skills for public sector innovation named by the OECD.
Descriptors are our own words.
"""

DIGITAL = {
    "name": "Digital and data skills",
    "description": "Skills that public servants use to build and run digital services and to "
    "work with data, each from awareness to expert.",
    "source": "Shaped after the UK Government Digital and Data capability framework",
    "levels": [
        ("Awareness", "Knows what it is and why it matters."),
        ("Working", "Does it with guidance on everyday tasks."),
        ("Practitioner", "Does it alone and helps others."),
        ("Expert", "Leads it, sets standards and teaches it."),
    ],
    "competencies": [
        (
            "Data",
            "Data literacy",
            "Reading, questioning and using data to decide.",
            [
                "Can read a simple table or chart.",
                "Checks where figures come from before using them.",
                "Analyses data to answer a policy question.",
                "Sets how the organisation uses data as evidence.",
            ],
        ),
        (
            "Data",
            "Data governance",
            "Keeping data lawful, safe and of good quality.",
            [
                "Knows the rules for personal data.",
                "Follows data protection steps in daily work.",
                "Writes data sharing agreements and impact assessments.",
                "Designs the governance other teams follow.",
            ],
        ),
        (
            "Delivery",
            "User research",
            "Learning what people need from a service.",
            [
                "Knows why services start from user needs.",
                "Takes part in interviews and usability tests.",
                "Plans and runs research and shares findings.",
                "Builds research practice across teams.",
            ],
        ),
        (
            "Delivery",
            "Agile delivery",
            "Delivering in small steps and learning as you go.",
            [
                "Knows the basics of iterative delivery.",
                "Works in sprints with a team.",
                "Runs a team's delivery and removes blockers.",
                "Shapes how a whole programme delivers.",
            ],
        ),
        (
            "Technology",
            "Service design",
            "Designing a service end to end, across channels.",
            [
                "Knows a service is more than a website.",
                "Maps a user journey with the team.",
                "Designs services that work across channels.",
                "Sets service standards for the organisation.",
            ],
        ),
        (
            "Technology",
            "Technical understanding",
            "Understanding the technology a service runs on.",
            [
                "Knows the main parts of a digital service.",
                "Talks usefully with developers about choices.",
                "Judges technical options and their costs.",
                "Sets technology strategy and architecture.",
            ],
        ),
    ],
}

INNOVATION = {
    "name": "Public sector innovation skills",
    "description": "The six core skills for public sector innovation, from first steps to "
    "leading others.",
    "source": "Built on the OECD core skills for public sector innovation",
    "levels": [
        ("Exploring", "Tries it in a safe setting."),
        ("Applying", "Uses it in real work."),
        ("Leading", "Helps others do it and changes how the team works."),
    ],
    "competencies": [
        (
            "Core skills",
            "Iteration",
            "Improving policies and services in small, tested steps.",
            [
                "Tries a small change and looks at the result.",
                "Plans work as a series of tests.",
                "Makes testing and learning the team's habit.",
            ],
        ),
        (
            "Core skills",
            "Data literacy",
            "Deciding with data and evidence.",
            [
                "Asks what the data says before deciding.",
                "Collects and uses data to improve work.",
                "Builds decisions on evidence across the team.",
            ],
        ),
        (
            "Core skills",
            "User centricity",
            "Solving problems from the point of view of the people served.",
            [
                "Listens to users before proposing a fix.",
                "Involves users in designing solutions.",
                "Puts user needs at the centre of decisions.",
            ],
        ),
        (
            "Core skills",
            "Curiosity",
            "Looking for new ideas and ways of working.",
            [
                "Reads about how others solved a problem.",
                "Brings ideas from elsewhere into the work.",
                "Creates room for the team to explore.",
            ],
        ),
        (
            "Core skills",
            "Storytelling",
            "Explaining change so that people support it.",
            [
                "Describes a project in plain words.",
                "Tells the story of a change with evidence.",
                "Wins support for change across the organisation.",
            ],
        ),
        (
            "Core skills",
            "Insurgency",
            "Challenging the usual way and working with unusual allies.",
            [
                "Questions a rule that gets in the way.",
                "Finds allies outside the usual circle.",
                "Changes rules and habits that block progress.",
            ],
        ),
    ],
}

FRAMEWORKS = [DIGITAL, INNOVATION]

PAGE_TITLE = "Continuous improvement"
PAGE_INTRO = (
    "<p>Assess your skills against a competency framework, see where you want to grow and "
    "what on this site can help, set goals you can measure and check in on them. Your "
    "answers are private unless you share them with your mentor.</p>"
)

FR = {
    PAGE_TITLE: "Amélioration continue",
    PAGE_INTRO: (
        "<p>Évaluez vos compétences au regard d'un référentiel, voyez où vous voulez "
        "progresser et ce qui, sur ce site, peut vous y aider, fixez-vous des objectifs "
        "mesurables et faites le point régulièrement. Vos réponses restent privées, sauf si "
        "vous les partagez avec votre mentor.</p>"
    ),
    "Digital and data skills": "Compétences numériques et données",
    "Skills that public servants use to build and run digital services and to work with data, each from awareness to expert.": "Les compétences dont les agents publics ont besoin pour concevoir et faire "
    "fonctionner des services numériques et pour travailler avec les données, du niveau "
    "découverte au niveau expert.",
    "Awareness": "Découverte",
    "Knows what it is and why it matters.": "Sait de quoi il s'agit et pourquoi c'est important.",
    "Working": "Pratique",
    "Does it with guidance on everyday tasks.": "Le fait au quotidien, avec un accompagnement.",
    "Practitioner": "Confirmé",
    "Does it alone and helps others.": "Le fait en autonomie et aide les autres.",
    "Expert": "Expert",
    "Leads it, sets standards and teaches it.": "Le pilote, fixe les normes et l'enseigne.",
    "Data": "Données",
    "Data literacy": "Culture des données",
    "Reading, questioning and using data to decide.": "Lire, interroger et utiliser les données pour décider.",
    "Can read a simple table or chart.": "Sait lire un tableau ou un graphique simple.",
    "Checks where figures come from before using them.": "Vérifie l'origine des chiffres avant de les utiliser.",
    "Analyses data to answer a policy question.": "Analyse des données pour répondre à une question de politique publique.",
    "Sets how the organisation uses data as evidence.": "Définit la manière dont l'organisation utilise les données comme preuves.",
    "Data governance": "Gouvernance des données",
    "Keeping data lawful, safe and of good quality.": "Garantir des données licites, sûres et de bonne qualité.",
    "Knows the rules for personal data.": "Connaît les règles applicables aux données personnelles.",
    "Follows data protection steps in daily work.": "Applique les étapes de protection des données au quotidien.",
    "Writes data sharing agreements and impact assessments.": "Rédige des conventions de partage de données et des analyses d'impact.",
    "Designs the governance other teams follow.": "Conçoit la gouvernance suivie par les autres équipes.",
    "Delivery": "Réalisation",
    "User research": "Recherche utilisateur",
    "Learning what people need from a service.": "Comprendre ce que les usagers attendent d'un service.",
    "Knows why services start from user needs.": "Sait pourquoi un service part des besoins des usagers.",
    "Takes part in interviews and usability tests.": "Participe à des entretiens et à des tests d'utilisabilité.",
    "Plans and runs research and shares findings.": "Prépare et mène des recherches et en partage les résultats.",
    "Builds research practice across teams.": "Développe la pratique de la recherche dans toutes les équipes.",
    "Agile delivery": "Conduite agile",
    "Delivering in small steps and learning as you go.": "Avancer par petites étapes et apprendre en chemin.",
    "Knows the basics of iterative delivery.": "Connaît les bases de la conduite itérative.",
    "Works in sprints with a team.": "Travaille en sprints avec une équipe.",
    "Runs a team's delivery and removes blockers.": "Pilote la réalisation d'une équipe et lève les obstacles.",
    "Shapes how a whole programme delivers.": "Définit la manière dont tout un programme avance.",
    "Technology": "Technologie",
    "Service design": "Conception de services",
    "Designing a service end to end, across channels.": "Concevoir un service de bout en bout, sur tous les canaux.",
    "Knows a service is more than a website.": "Sait qu'un service ne se limite pas à un site web.",
    "Maps a user journey with the team.": "Cartographie un parcours usager avec l'équipe.",
    "Designs services that work across channels.": "Conçoit des services qui fonctionnent sur tous les canaux.",
    "Sets service standards for the organisation.": "Fixe les normes de service de l'organisation.",
    "Technical understanding": "Compréhension technique",
    "Understanding the technology a service runs on.": "Comprendre la technologie sur laquelle repose un service.",
    "Knows the main parts of a digital service.": "Connaît les principaux éléments d'un service numérique.",
    "Talks usefully with developers about choices.": "Échange utilement avec les développeurs sur les choix à faire.",
    "Judges technical options and their costs.": "Évalue les options techniques et leurs coûts.",
    "Sets technology strategy and architecture.": "Définit la stratégie technologique et l'architecture.",
    "Public sector innovation skills": "Compétences d'innovation publique",
    "The six core skills for public sector innovation, from first steps to leading others.": "Les six compétences clés de l'innovation publique, des premiers pas à "
    "l'entraînement des autres.",
    "Exploring": "Exploration",
    "Tries it in a safe setting.": "S'y essaie dans un cadre sans risque.",
    "Applying": "Application",
    "Uses it in real work.": "L'utilise dans son travail réel.",
    "Leading": "Animation",
    "Helps others do it and changes how the team works.": "Aide les autres à le faire et change la façon de travailler de l'équipe.",
    "Core skills": "Compétences clés",
    "Iteration": "Itération",
    "Improving policies and services in small, tested steps.": "Améliorer politiques et services par petites étapes testées.",
    "Tries a small change and looks at the result.": "Essaie un petit changement et en observe le résultat.",
    "Plans work as a series of tests.": "Organise le travail comme une suite de tests.",
    "Makes testing and learning the team's habit.": "Fait du test et de l'apprentissage une habitude d'équipe.",
    "Deciding with data and evidence.": "Décider à partir de données et de preuves.",
    "Asks what the data says before deciding.": "Regarde ce que disent les données avant de décider.",
    "Collects and uses data to improve work.": "Recueille et utilise des données pour améliorer le travail.",
    "Builds decisions on evidence across the team.": "Fonde les décisions de l'équipe sur des preuves.",
    "User centricity": "Orientation usager",
    "Solving problems from the point of view of the people served.": "Résoudre les problèmes du point de vue des personnes servies.",
    "Listens to users before proposing a fix.": "Écoute les usagers avant de proposer une solution.",
    "Involves users in designing solutions.": "Associe les usagers à la conception des solutions.",
    "Puts user needs at the centre of decisions.": "Place les besoins des usagers au cœur des décisions.",
    "Curiosity": "Curiosité",
    "Looking for new ideas and ways of working.": "Chercher de nouvelles idées et façons de travailler.",
    "Reads about how others solved a problem.": "Se renseigne sur la manière dont d'autres ont résolu un problème.",
    "Brings ideas from elsewhere into the work.": "Apporte dans son travail des idées venues d'ailleurs.",
    "Creates room for the team to explore.": "Donne à l'équipe l'espace pour explorer.",
    "Storytelling": "Mise en récit",
    "Explaining change so that people support it.": "Expliquer le changement pour qu'il soit soutenu.",
    "Describes a project in plain words.": "Décrit un projet en termes simples.",
    "Tells the story of a change with evidence.": "Raconte un changement en s'appuyant sur des preuves.",
    "Wins support for change across the organisation.": "Obtient le soutien de toute l'organisation pour le changement.",
    "Insurgency": "Esprit d'insurrection",
    "Challenging the usual way and working with unusual allies.": "Remettre en cause les habitudes et travailler avec des alliés inattendus.",
    "Questions a rule that gets in the way.": "Interroge une règle qui fait obstacle.",
    "Finds allies outside the usual circle.": "Trouve des alliés hors du cercle habituel.",
    "Changes rules and habits that block progress.": "Change les règles et habitudes qui freinent le progrès.",
}

ES = {
    PAGE_TITLE: "Mejora continua",
    PAGE_INTRO: (
        "<p>Evalúe sus competencias con un marco de referencia, vea en qué quiere mejorar y "
        "qué recursos de este sitio pueden ayudarle, fíjese metas medibles y haga un "
        "seguimiento periódico. Sus respuestas son privadas, salvo que las comparta con su "
        "mentor.</p>"
    ),
    "Digital and data skills": "Competencias digitales y de datos",
    "Skills that public servants use to build and run digital services and to work with data, each from awareness to expert.": "Las competencias que el personal público utiliza para crear y gestionar servicios "
    "digitales y para trabajar con datos, desde el nivel inicial hasta el experto.",
    "Awareness": "Inicial",
    "Knows what it is and why it matters.": "Sabe en qué consiste y por qué es importante.",
    "Working": "Práctico",
    "Does it with guidance on everyday tasks.": "Lo aplica en tareas cotidianas con orientación.",
    "Practitioner": "Competente",
    "Does it alone and helps others.": "Lo aplica de forma autónoma y ayuda a otras personas.",
    "Expert": "Experto",
    "Leads it, sets standards and teaches it.": "Lo dirige, fija normas y lo enseña.",
    "Data": "Datos",
    "Data literacy": "Alfabetización de datos",
    "Reading, questioning and using data to decide.": "Leer, cuestionar y utilizar datos para decidir.",
    "Can read a simple table or chart.": "Sabe leer una tabla o un gráfico sencillos.",
    "Checks where figures come from before using them.": "Comprueba el origen de las cifras antes de usarlas.",
    "Analyses data to answer a policy question.": "Analiza datos para responder a una pregunta de política pública.",
    "Sets how the organisation uses data as evidence.": "Define cómo la organización utiliza los datos como evidencia.",
    "Data governance": "Gobernanza de datos",
    "Keeping data lawful, safe and of good quality.": "Mantener los datos conformes a la ley, seguros y de buena calidad.",
    "Knows the rules for personal data.": "Conoce las normas sobre datos personales.",
    "Follows data protection steps in daily work.": "Aplica las medidas de protección de datos en el trabajo diario.",
    "Writes data sharing agreements and impact assessments.": "Redacta acuerdos de intercambio de datos y evaluaciones de impacto.",
    "Designs the governance other teams follow.": "Diseña la gobernanza que siguen otros equipos.",
    "Delivery": "Ejecución",
    "User research": "Investigación con usuarios",
    "Learning what people need from a service.": "Conocer lo que las personas necesitan de un servicio.",
    "Knows why services start from user needs.": "Sabe por qué los servicios parten de las necesidades de los usuarios.",
    "Takes part in interviews and usability tests.": "Participa en entrevistas y pruebas de usabilidad.",
    "Plans and runs research and shares findings.": "Planifica y realiza investigaciones y comparte los resultados.",
    "Builds research practice across teams.": "Impulsa la práctica de la investigación en todos los equipos.",
    "Agile delivery": "Gestión ágil",
    "Delivering in small steps and learning as you go.": "Avanzar en pasos pequeños y aprender por el camino.",
    "Knows the basics of iterative delivery.": "Conoce los fundamentos del trabajo iterativo.",
    "Works in sprints with a team.": "Trabaja en sprints con un equipo.",
    "Runs a team's delivery and removes blockers.": "Dirige la ejecución de un equipo y elimina obstáculos.",
    "Shapes how a whole programme delivers.": "Define cómo avanza un programa completo.",
    "Technology": "Tecnología",
    "Service design": "Diseño de servicios",
    "Designing a service end to end, across channels.": "Diseñar un servicio de principio a fin, en todos los canales.",
    "Knows a service is more than a website.": "Sabe que un servicio es más que un sitio web.",
    "Maps a user journey with the team.": "Elabora con el equipo el mapa del recorrido del usuario.",
    "Designs services that work across channels.": "Diseña servicios que funcionan en todos los canales.",
    "Sets service standards for the organisation.": "Fija los estándares de servicio de la organización.",
    "Technical understanding": "Comprensión técnica",
    "Understanding the technology a service runs on.": "Comprender la tecnología en la que se basa un servicio.",
    "Knows the main parts of a digital service.": "Conoce las partes principales de un servicio digital.",
    "Talks usefully with developers about choices.": "Dialoga de forma útil con el equipo de desarrollo sobre las opciones.",
    "Judges technical options and their costs.": "Evalúa las opciones técnicas y sus costes.",
    "Sets technology strategy and architecture.": "Define la estrategia tecnológica y la arquitectura.",
    "Public sector innovation skills": "Competencias de innovación pública",
    "The six core skills for public sector innovation, from first steps to leading others.": "Las seis competencias clave de la innovación en el sector público, desde los "
    "primeros pasos hasta guiar a otras personas.",
    "Exploring": "Exploración",
    "Tries it in a safe setting.": "Lo prueba en un entorno seguro.",
    "Applying": "Aplicación",
    "Uses it in real work.": "Lo utiliza en su trabajo real.",
    "Leading": "Liderazgo",
    "Helps others do it and changes how the team works.": "Ayuda a otras personas a hacerlo y cambia la forma de trabajar del equipo.",
    "Core skills": "Competencias clave",
    "Iteration": "Iteración",
    "Improving policies and services in small, tested steps.": "Mejorar políticas y servicios en pasos pequeños y probados.",
    "Tries a small change and looks at the result.": "Prueba un cambio pequeño y observa el resultado.",
    "Plans work as a series of tests.": "Planifica el trabajo como una serie de pruebas.",
    "Makes testing and learning the team's habit.": "Convierte probar y aprender en un hábito del equipo.",
    "Deciding with data and evidence.": "Decidir con datos y evidencias.",
    "Asks what the data says before deciding.": "Consulta lo que dicen los datos antes de decidir.",
    "Collects and uses data to improve work.": "Recoge y utiliza datos para mejorar el trabajo.",
    "Builds decisions on evidence across the team.": "Basa en evidencias las decisiones de todo el equipo.",
    "User centricity": "Enfoque en las personas usuarias",
    "Solving problems from the point of view of the people served.": "Resolver problemas desde el punto de vista de las personas atendidas.",
    "Listens to users before proposing a fix.": "Escucha a los usuarios antes de proponer una solución.",
    "Involves users in designing solutions.": "Implica a los usuarios en el diseño de soluciones.",
    "Puts user needs at the centre of decisions.": "Sitúa las necesidades de los usuarios en el centro de las decisiones.",
    "Curiosity": "Curiosidad",
    "Looking for new ideas and ways of working.": "Buscar ideas y formas de trabajar nuevas.",
    "Reads about how others solved a problem.": "Se informa de cómo otros resolvieron un problema.",
    "Brings ideas from elsewhere into the work.": "Incorpora a su trabajo ideas de otros lugares.",
    "Creates room for the team to explore.": "Da al equipo margen para explorar.",
    "Storytelling": "Narrativa",
    "Explaining change so that people support it.": "Explicar el cambio para que las personas lo apoyen.",
    "Describes a project in plain words.": "Describe un proyecto con palabras sencillas.",
    "Tells the story of a change with evidence.": "Cuenta la historia de un cambio apoyándose en evidencias.",
    "Wins support for change across the organisation.": "Consigue apoyo para el cambio en toda la organización.",
    "Insurgency": "Espíritu transformador",
    "Challenging the usual way and working with unusual allies.": "Cuestionar lo habitual y trabajar con aliados poco habituales.",
    "Questions a rule that gets in the way.": "Cuestiona una norma que supone un obstáculo.",
    "Finds allies outside the usual circle.": "Encuentra aliados fuera del círculo habitual.",
    "Changes rules and habits that block progress.": "Cambia normas y hábitos que frenan el progreso.",
}
