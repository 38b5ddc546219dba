"""The library's demo content in French and Spanish (``TRANSLATIONS`` of :mod:`.demo`).

Written by hand, not machine-translated. Texts that the seeder composes (a practice's summary
names its place and topic) are composed here the same way, from the translated parts, for
every combination the demo can produce at its default size.
"""

from civic_wagtail.demo import ORGANISATION_TYPES, TOPICS
from civic_wagtail.demo import TRANSLATIONS as CORE

from . import demo_data as data

INDICATORS = {
    "fr": {
        "Permit processing time": "Délai de traitement des permis",
        "Permit applications made online": "Demandes de permis déposées en ligne",
        "Household recycling rate": "Taux de recyclage des ménages",
        "Residual waste per resident": "Déchets résiduels par habitant",
        "Ambulance response time (median)": "Délai d'intervention des ambulances (médiane)",
        "Emergency call answer time": "Délai de réponse aux appels d'urgence",
        "Vaccination coverage": "Couverture vaccinale",
        "Resident satisfaction with the service": "Satisfaction des usagers envers le service",
        "Cost per transaction": "Coût par démarche",
        "Residents voting in participatory budget": "Habitants votant au budget participatif",
        "Public transport trips per resident": "Trajets en transports en commun par habitant",
        "Serious road casualties": "Victimes graves de la route",
        "People sleeping rough (count night)": "Personnes à la rue (nuit de décompte)",
        "Affordable homes completed": "Logements abordables livrés",
        "days": "jours",
        "%": "%",
        "kg/year": "kg/an",
        "minutes": "minutes",
        "seconds": "secondes",
        "EUR": "EUR",
        "trips/year": "trajets/an",
        "per 100,000 residents": "pour 100 000 habitants",
        "people": "personnes",
        "homes/year": "logements/an",
    },
    "es": {
        "Permit processing time": "Plazo de tramitación de permisos",
        "Permit applications made online": "Solicitudes de permisos presentadas en línea",
        "Household recycling rate": "Tasa de reciclaje doméstico",
        "Residual waste per resident": "Residuos no reciclables por habitante",
        "Ambulance response time (median)": "Tiempo de respuesta de ambulancias (mediana)",
        "Emergency call answer time": "Tiempo de respuesta a llamadas de emergencia",
        "Vaccination coverage": "Cobertura de vacunación",
        "Resident satisfaction with the service": "Satisfacción de los vecinos con el servicio",
        "Cost per transaction": "Coste por trámite",
        "Residents voting in participatory budget": "Vecinos que votan en el presupuesto "
        "participativo",
        "Public transport trips per resident": "Viajes en transporte público por habitante",
        "Serious road casualties": "Víctimas graves de tráfico",
        "People sleeping rough (count night)": "Personas durmiendo en la calle (noche de "
        "recuento)",
        "Affordable homes completed": "Viviendas asequibles terminadas",
        "days": "días",
        "%": "%",
        "kg/year": "kg/año",
        "minutes": "minutos",
        "seconds": "segundos",
        "EUR": "EUR",
        "trips/year": "viajes/año",
        "per 100,000 residents": "por cada 100.000 habitantes",
        "people": "personas",
        "homes/year": "viviendas/año",
    },
}

PRACTICES = {
    "fr": {
        "One-stop permit desk": "Guichet unique des permis",
        "Online permit tracker": "Suivi en ligne des demandes de permis",
        "Pre-application advice service": "Conseil avant le dépôt de la demande",
        "Risk-based inspection scheduling": "Programmation des inspections selon les risques",
        "Deemed approval after 30 days": "Accord tacite après 30 jours",
        "Pay-as-you-throw collection": "Redevance incitative sur les déchets",
        "Door-to-door food waste collection": "Collecte des biodéchets en porte-à-porte",
        "Repair cafés in libraries": "Repair cafés dans les bibliothèques",
        "Deposit return for drinks containers": "Consigne des emballages de boissons",
        "Computer-aided dispatch with live location": "Régulation assistée par ordinateur avec "
        "géolocalisation en direct",
        "Community first responders": "Premiers intervenants citoyens",
        "Shared regional call centre": "Centre d'appels régional mutualisé",
        "Frequent-caller case management": "Suivi personnalisé des appelants fréquents",
        "Pharmacy-led vaccination": "Vaccination en pharmacie",
        "Text-message appointment reminders": "Rappels de rendez-vous par SMS",
        "Mobile clinics in rural areas": "Cliniques mobiles en zone rurale",
        "School-based health checks": "Bilans de santé à l'école",
        "Tell-us-once address change": "Changement d'adresse en une seule démarche",
        "Plain-language service redesign": "Refonte des services en langage clair",
        "Shared digital identity": "Identité numérique partagée",
        "Open appointment booking API": "API ouverte de prise de rendez-vous",
        "Participatory budgeting with online voting": "Budget participatif avec vote en ligne",
        "Open contracting portal": "Portail de la commande publique ouverte",
        "Zero-based budget reviews": "Revues budgétaires à base zéro",
        "Fare-free buses for under-25s": "Bus gratuits pour les moins de 25 ans",
        "School streets": "Rues aux écoles",
        "Demand-responsive rural transit": "Transport à la demande en zone rurale",
        "20 mph residential zones": "Zones résidentielles à 30 km/h",
        "Housing First": "Logement d'abord",
        "Modular homes on public land": "Logements modulaires sur terrain public",
        "Empty homes brought back to use": "Remise sur le marché des logements vacants",
    },
    "es": {
        "One-stop permit desk": "Ventanilla única de permisos",
        "Online permit tracker": "Seguimiento en línea de permisos",
        "Pre-application advice service": "Asesoramiento previo a la solicitud",
        "Risk-based inspection scheduling": "Programación de inspecciones según el riesgo",
        "Deemed approval after 30 days": "Silencio positivo a los 30 días",
        "Pay-as-you-throw collection": "Pago por generación de residuos",
        "Door-to-door food waste collection": "Recogida puerta a puerta de residuos orgánicos",
        "Repair cafés in libraries": "Cafés de reparación en bibliotecas",
        "Deposit return for drinks containers": "Sistema de depósito para envases de bebidas",
        "Computer-aided dispatch with live location": "Despacho asistido por ordenador con "
        "ubicación en tiempo real",
        "Community first responders": "Primeros intervinientes comunitarios",
        "Shared regional call centre": "Centro regional de llamadas compartido",
        "Frequent-caller case management": "Gestión de casos de llamantes frecuentes",
        "Pharmacy-led vaccination": "Vacunación en farmacias",
        "Text-message appointment reminders": "Recordatorios de citas por SMS",
        "Mobile clinics in rural areas": "Clínicas móviles en zonas rurales",
        "School-based health checks": "Revisiones de salud en la escuela",
        "Tell-us-once address change": "Cambio de domicilio en un solo trámite",
        "Plain-language service redesign": "Rediseño de servicios en lenguaje claro",
        "Shared digital identity": "Identidad digital compartida",
        "Open appointment booking API": "API abierta de cita previa",
        "Participatory budgeting with online voting": "Presupuestos participativos con voto "
        "en línea",
        "Open contracting portal": "Portal de contratación abierta",
        "Zero-based budget reviews": "Revisiones presupuestarias de base cero",
        "Fare-free buses for under-25s": "Autobuses gratuitos para menores de 25 años",
        "School streets": "Calles escolares",
        "Demand-responsive rural transit": "Transporte rural a demanda",
        "20 mph residential zones": "Zonas residenciales a 30 km/h",
        "Housing First": "Housing First (la vivienda primero)",
        "Modular homes on public land": "Viviendas modulares en suelo público",
        "Empty homes brought back to use": "Recuperación de viviendas vacías",
    },
}

PLACES = {
    "fr": {
        "Lyon": "Lyon", "Nantes": "Nantes", "Occitanie": "Occitanie", "Leeds": "Leeds",
        "Bristol": "Bristol", "Wales": "Pays de Galles", "Freiburg": "Fribourg-en-Brisgau",
        "Bavaria": "Bavière", "Toronto": "Toronto", "British Columbia": "Colombie-Britannique",
        "Austin": "Austin", "King County": "Comté de King", "Colorado": "Colorado",
        "Melbourne": "Melbourne", "Queensland": "Queensland", "Wellington": "Wellington",
        "Auckland": "Auckland", "Monterrey": "Monterrey", "Jalisco": "Jalisco",
    },
    "es": {
        "Lyon": "Lyon", "Nantes": "Nantes", "Occitanie": "Occitania", "Leeds": "Leeds",
        "Bristol": "Bristol", "Wales": "Gales", "Freiburg": "Friburgo",
        "Bavaria": "Baviera", "Toronto": "Toronto", "British Columbia": "Columbia Británica",
        "Austin": "Austin", "King County": "Condado de King", "Colorado": "Colorado",
        "Melbourne": "Melbourne", "Queensland": "Queensland", "Wellington": "Wellington",
        "Auckland": "Auckland", "Monterrey": "Monterrey", "Jalisco": "Jalisco",
    },
}

FIXED = {
    "fr": {
        "Library": "Bibliothèque",
        "Practices that worked elsewhere, with measured outcomes.":
            "Des pratiques qui ont fait leurs preuves ailleurs, avec des résultats mesurés.",
        "Practices that worked elsewhere, with the evidence and the outcomes measured where "
        "they were adopted.": "Des pratiques qui ont fait leurs preuves ailleurs, avec les "
        "éléments de preuve et les résultats mesurés là où elles ont été adoptées.",
        "Resources": "Ressources",
        "Templates, guides, tools, research and datasets to reuse.":
            "Modèles, guides, outils, études et jeux de données à réutiliser.",
        "Residents waited too long and staff spent their time on rework.":
            "Les usagers attendaient trop longtemps et les agents passaient leur temps à "
            "reprendre des dossiers.",
        "Demand had grown faster than the team.":
            "La demande avait augmenté plus vite que l'équipe.",
        "Map the current process": "Cartographier le processus actuel",
        "Walk the journey with staff and residents.":
            "Parcourir le processus avec les agents et les usagers.",
        "4 weeks": "4 semaines",
        "Service designer": "Designer de services",
        "Front-line staff": "Agents d'accueil",
        "Pilot in one district": "Expérimenter dans un quartier",
        "Measure a baseline before you start.": "Mesurez une situation de départ avant de "
        "commencer.",
        "3 months": "3 mois",
        "Project lead": "Chef de projet",
        "Data analyst": "Analyste de données",
        "Scale up": "Généraliser",
        "Train every team and publish the results.":
            "Former toutes les équipes et publier les résultats.",
        "6 months": "6 mois",
        "Head of service": "Chef de service",
        "A named sponsor and a baseline measurement.":
            "Un commanditaire désigné et une mesure de la situation de départ.",
        "Mostly staff time; software within existing licences.":
            "Surtout du temps de travail des agents ; logiciels couverts par les licences "
            "existantes.",
        "Staff turnover during the pilot; data quality.":
            "Rotation du personnel pendant l'expérimentation ; qualité des données.",
        "Alex Morgan": "Alex Morgan",
        "Backlogs grew every year and complaints followed.":
            "Les retards s'accumulaient chaque année, et les réclamations avec eux.",
        "Measure before you start.": "Mesurez avant de commencer.",
        "Involve front-line staff early.": "Associez tôt les agents de terrain.",
        "Credit the original authors; share improvements back.":
            "Citez les auteurs d'origine ; partagez vos améliorations.",
        "Members only": "Réservé aux membres",
    },
    "es": {
        "Library": "Biblioteca",
        "Practices that worked elsewhere, with measured outcomes.":
            "Prácticas que funcionaron en otros lugares, con resultados medidos.",
        "Practices that worked elsewhere, with the evidence and the outcomes measured where "
        "they were adopted.": "Prácticas que funcionaron en otros lugares, con la evidencia y "
        "los resultados medidos allí donde se adoptaron.",
        "Resources": "Recursos",
        "Templates, guides, tools, research and datasets to reuse.":
            "Plantillas, guías, herramientas, estudios y conjuntos de datos para reutilizar.",
        "Residents waited too long and staff spent their time on rework.":
            "Los vecinos esperaban demasiado y el personal dedicaba su tiempo a rehacer "
            "trámites.",
        "Demand had grown faster than the team.": "La demanda había crecido más rápido que "
        "el equipo.",
        "Map the current process": "Mapear el proceso actual",
        "Walk the journey with staff and residents.":
            "Recorrer el proceso con el personal y los vecinos.",
        "4 weeks": "4 semanas",
        "Service designer": "Diseñador de servicios",
        "Front-line staff": "Personal de atención al público",
        "Pilot in one district": "Piloto en un distrito",
        "Measure a baseline before you start.": "Mida la situación de partida antes de "
        "empezar.",
        "3 months": "3 meses",
        "Project lead": "Responsable del proyecto",
        "Data analyst": "Analista de datos",
        "Scale up": "Ampliar",
        "Train every team and publish the results.":
            "Formar a todos los equipos y publicar los resultados.",
        "6 months": "6 meses",
        "Head of service": "Jefe de servicio",
        "A named sponsor and a baseline measurement.":
            "Un patrocinador designado y una medición de la situación de partida.",
        "Mostly staff time; software within existing licences.":
            "Sobre todo tiempo del personal; software cubierto por las licencias existentes.",
        "Staff turnover during the pilot; data quality.":
            "Rotación del personal durante el piloto; calidad de los datos.",
        "Alex Morgan": "Alex Morgan",
        "Backlogs grew every year and complaints followed.":
            "Los retrasos crecían cada año y, con ellos, las quejas.",
        "Measure before you start.": "Mida antes de empezar.",
        "Involve front-line staff early.": "Implique pronto al personal de primera línea.",
        "Credit the original authors; share improvements back.":
            "Cite a los autores originales; comparta sus mejoras.",
        "Members only": "Solo para miembros",
    },
}

RESOURCES = {
    "fr": {
        "Permit process map template": "Modèle de cartographie du processus de permis",
        "Service design playbook": "Guide pratique de la conception de services",
        "Food waste collection business case": "Dossier d'opportunité pour la collecte des "
        "biodéchets",
        "Dispatch times benchmark dataset": "Jeu de données de référence sur les délais de "
        "régulation",
        "Participatory budgeting toolkit": "Boîte à outils du budget participatif",
        "Housing First evidence review": "Revue des données probantes sur le Logement d'abord",
        "Plain-language checklist": "Liste de contrôle du langage clair",
        "School streets implementation guide": "Guide de mise en œuvre des rues aux écoles",
        "Model procurement clauses (restricted)": "Clauses types pour les marchés publics "
        "(accès restreint)",
    },
    "es": {
        "Permit process map template": "Plantilla de mapa del proceso de permisos",
        "Service design playbook": "Manual de diseño de servicios",
        "Food waste collection business case": "Justificación económica de la recogida de "
        "residuos orgánicos",
        "Dispatch times benchmark dataset": "Conjunto de datos de referencia de tiempos de "
        "despacho",
        "Participatory budgeting toolkit": "Caja de herramientas de presupuestos participativos",
        "Housing First evidence review": "Revisión de la evidencia sobre Housing First",
        "Plain-language checklist": "Lista de comprobación de lenguaje claro",
        "School streets implementation guide": "Guía de implantación de calles escolares",
        "Model procurement clauses (restricted)": "Cláusulas modelo de contratación "
        "(acceso restringido)",
    },
}

#: Sentences the seeder composes, per language: (practice summary, approach, case study
#: title, case summary, case organisation, context, what was done, resource summary).
COMPOSED = {
    "fr": {
        "summary": "{title} : comment {city} et d'autres ont obtenu un résultat mesurable en "
        "matière de {topic}.",
        "approach": "« {title} » réorganise le service autour du parcours de l'usager, avec une "
        "seule équipe responsable et des données partagées.",
        "case_title": "{practice} ({city})",
        "case_summary": "Comment {city} a adapté « {practice} » au contexte local.",
        "organisation": "{org_type} ({city})",
        "context": "{city} sert une population en croissance et diversifiée.",
        "done": "L'équipe a d'abord expérimenté « {practice} » dans un quartier, puis l'a "
        "étendu à toute la ville.",
        "resource": "{title}, prêt à être adapté à votre organisation.",
        "place": "{city}, {country}",
    },
    "es": {
        "summary": "{title}: cómo {city} y otros lograron un resultado medible en materia de "
        "{topic}.",
        "approach": "«{title}» reorganiza el servicio en torno al recorrido del vecino, con un "
        "único equipo responsable y datos compartidos.",
        "case_title": "{practice} en {city}",
        "case_summary": "Cómo {city} adaptó «{practice}» a las condiciones locales.",
        "organisation": "{org_type} ({city})",
        "context": "{city} atiende a una población creciente y diversa.",
        "done": "El equipo probó «{practice}» en un distrito y después lo extendió a toda la "
        "ciudad.",
        "resource": "{title}, listo para adaptarlo a su organización.",
        "place": "{city}, {country}",
    },
}


def _composed(code):
    core = CORE[code]
    names, places, say = PRACTICES[code], PLACES[code], COMPOSED[code]
    topics = {slug: name for slug, name, _description in TOPICS}
    org_types = dict(ORGANISATION_TYPES)
    entries = {}
    for slug, (titles, _indicators) in data.PRACTICES.items():
        topic_en = topics[slug]
        topic = core[topic_en].lower()
        for title in titles:
            entries[f"{title} reorganises the service around the resident's journey, with one "
                    "accountable team and shared data."] = say["approach"].format(
                title=names[title])
            for place, _org_type, _region, _level in data.PLACES:
                city = place.split(",")[0]
                entries[f"{title}: how {city} and others tackled {topic_en.lower()} with a "
                        "measurable result."] = say["summary"].format(
                    title=names[title], city=places[city], topic=topic)
                entries[f"{title} in {city}"] = say["case_title"].format(
                    practice=names[title], city=places[city])
                entries[f"How {city} adapted {title.lower()} to local conditions."] = say[
                    "case_summary"].format(city=places[city], practice=names[title])
                entries[f"The team piloted {title.lower()} in one district, then rolled it out "
                        "city-wide."] = say["done"].format(practice=names[title])
    for place, org_type, _region, _level in data.PLACES:
        city, country = (part.strip() for part in place.split(","))
        entries[place] = say["place"].format(city=places[city], country=core[country])
        entries[f"{city} {org_types[org_type].lower()}"] = say["organisation"].format(
            org_type=core[org_types[org_type]], city=places[city])
        entries[f"{city} serves a growing, diverse population."] = say["context"].format(
            city=places[city])
    for _slug, title, *_rest in data.RESOURCES:
        entries[f"{title}, ready to adapt to your organisation."] = say["resource"].format(
            title=RESOURCES[code][title])
    return entries


#: Licence names are names: the same in every language.
LICENCES = {
    licence: licence for *_rest, licence, _url in data.RESOURCES if licence != "Members only"
}

TRANSLATIONS = {
    code: {
        **LICENCES,
        **INDICATORS[code],
        **PRACTICES[code],
        **FIXED[code],
        **RESOURCES[code],
        **_composed(code),
    }
    for code in ("fr", "es")
}
