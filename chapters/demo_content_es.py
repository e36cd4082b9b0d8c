"""Spanish text for the demo chapters that publish in Spanish (Tillory Valley).

Plain data only; chapters/demo_es.py loads it as Wagtail translations of the English pages
in chapters/demo_content.py and chapters/demo_publishing_content.py. Keyed by the chapter's
hostname, then by the English page's slug. Dates, times, images, rights, principles,
consent and addresses are not repeated here: the translations keep the English pages' own.

Everything here is FICTIONAL, like the English original.
"""

CHAPTERS = {
    "tillory-valley.localhost": {
        "home": {
            "title": "Red de Derechos Humanos del Valle de Tillory",
            "region": "Noroeste del Pacífico",
            "intro": (
                "Trabajadores del campo, vecinos de pueblos pequeños y familias inmigrantes "
                "de todo el valle del río Tillory, preguntándonos cómo podría ser una región "
                "de derechos humanos."
            ),
            "body": [
                ("heading", {"text": "Primero, escuchar", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Somos un grupo joven repartido en cinco pueblos y dos condados. Este "
                    "año estamos haciendo sesiones de escucha en los comedores de las "
                    "empacadoras, en salones parroquiales y en lavanderías, en español y en "
                    "inglés, con interpretación al mixteco dondequiera que la gente la "
                    "pida.</p>"
                    "<p>Lo que más escuchamos: viviendas para trabajadores del campo "
                    "amontonadas e inseguras, jornadas bajo el humo de los incendios "
                    "forestales y el calor del verano, y oficinas del condado donde nadie te "
                    "atiende en tu idioma.</p>",
                ),
                (
                    "paragraph",
                    "<p>Antes de escoger una campaña, estamos estudiando juntos los "
                    "principios y platicando con los capítulos de Corvale y del condado de "
                    "Quillan sobre cómo empezaron ellos. Si vive en el valle, venga a una "
                    "sesión.</p>",
                ),
            ],
        },
        # The sections, by their English slugs. They keep those slugs in Spanish, so a
        # section's address is the same in every language: /es/stories/, /en/stories/.
        "sections": {
            "stories": {"title": "Historias"},
            "archive": {"title": "Archivo"},
            "events": {"title": "Eventos"},
        },
        "stories": {
            "first-listening-sessions": {
                "title": "Escuchar en la lavandería: nuestra primera ronda de sesiones",
                "slug": "primeras-sesiones-de-escucha",
                "authors": "Equipo de escucha del Valle de Tillory",
                "summary": (
                    "Hicimos nueve sesiones de escucha en cinco pueblos. La vivienda, el "
                    "calor y el humo, y la falta de servicios en nuestro idioma salieron una "
                    "y otra vez."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>No queríamos esperar a que la gente viniera a buscarnos, así que "
                        "fuimos nosotros a buscarla: a la lavandería de Alder Flats un "
                        "domingo, al comedor de una empacadora a la hora del almuerzo, a un "
                        "salón parroquial después de misa. Preguntamos qué hace difícil la "
                        "vida en el valle y qué la haría mejor.</p>",
                    ),
                    ("heading", {"text": "Lo que escuchamos", "level": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><b>Vivienda:</b> familias de ocho en trailers hechos para "
                        "dos, y rentas que se comen la mitad del cheque.</li>"
                        "<li><b>Calor y humo:</b> cosechar en medio del humo de los "
                        "incendios, sin mascarillas y sin sombra.</li>"
                        "<li><b>Idioma:</b> formularios del condado y llamadas de la clínica "
                        "solo en inglés, cuando mucha gente aquí habla español o "
                        "mixteco.</li></ul>",
                    ),
                    (
                        "paragraph",
                        "<p>Todavía no hemos escogido una campaña, y no la vamos a escoger "
                        "solos. En el otoño vamos a regresar a los mismos lugares con lo que "
                        "escuchamos y le vamos a preguntar a la gente qué lucha dar "
                        "primero.</p>",
                    ),
                ],
            },
            "heat-and-smoke-training": {
                "title": "Calor y humo: los jefes de cuadrilla se capacitan entre sí",
                "slug": "capacitacion-calor-y-humo",
                "authors": "Esperanza Villalobos",
                "summary": (
                    "Veinte jefes de cuadrilla aprendieron las reglas del estado sobre el "
                    "calor y el humo, y cómo alzar la voz juntos cuando un campo no es "
                    "seguro."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>El verano pasado, dos trabajadores del valle acabaron en el "
                        "hospital por el calor. Este año, los jefes de cuadrilla nos "
                        "pidieron una capacitación antes de la cosecha, no después.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Una trabajadora del campo que lleva veinte años organizando en el "
                        "valle dirigió la sesión en español, con interpretación al mixteco. "
                        "Repasamos las reglas sobre sombra, agua, descansos y mascarillas "
                        "contra el humo, y luego practicamos en parejas qué decirle a un "
                        "supervisor, hasta que nos salió natural.</p>",
                    ),
                    (
                        "quote",
                        {
                            "quote": (
                                "Si estás solo, te pueden ignorar. Cuando toda la cuadrilla "
                                "para a tomar agua al mismo tiempo, ahí sí escuchan."
                            ),
                            "attribution": "Un jefe de cuadrilla del lado este del valle",
                        },
                    ),
                ],
            },
            "valley-coalition-meeting": {
                "title": (
                    "Cinco pueblos, una mesa: nuestra primera reunión de la coalición de "
                    "todo el valle"
                ),
                "slug": "reunion-de-la-coalicion-del-valle",
                "authors": "Red de Derechos Humanos del Valle de Tillory",
                "summary": (
                    "Grupos de los cinco pueblos se reunieron por primera vez para decidir "
                    "cómo va a tomar decisiones la red y qué va a hacer primero."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Cuarenta personas de cinco pueblos nos juntamos en el salón de "
                        "la Grange de Riverbend: un grupo de inquilinos, dos iglesias, un "
                        "comité sindical de trabajadores del campo, un grupo de padres de "
                        "familia de una escuela y el banco de comida del valle.</p>",
                    ),
                    ("heading", {"text": "Lo que decidimos", "level": "h2"}),
                    (
                        "paragraph",
                        "<ol><li>Cada pueblo manda dos delegados, y por lo menos uno tiene "
                        "que ser trabajador del campo o inquilino.</li>"
                        "<li>Todas las reuniones son en español y en inglés, con "
                        "interpretación al mixteco.</li>"
                        "<li>Nuestra primera campaña es la vivienda para trabajadores del "
                        "campo, escogida por la gente que vino a las sesiones de "
                        "escucha.</li></ol>",
                    ),
                    (
                        "paragraph",
                        "<p>También votamos por seguir aprendiendo de los capítulos con más "
                        'camino andado. Organizadores de <a href="https://example.org/'
                        'corvale">Corvale</a> van a venir a nuestra próxima reunión para '
                        "contarnos cómo armaron su línea de ayuda para inquilinos.</p>",
                    ),
                ],
            },
        },
        "events": {
            "listening-session-alder-flats": {
                "title": "Sesión de escucha en Alder Flats",
                "slug": "sesion-de-escucha-alder-flats",
                "venue": "Lavandería Suds & Spin",
                "cost": "Gratis",
                "languages": "Español, mixteco, inglés",
                "accessibility_notes": (
                    "Interpretación al mixteco y al inglés. Entrada sin escalones. Habrá "
                    "voluntarios que cuiden a los niños y doblen la ropa mientras usted "
                    "platica con nosotros."
                ),
                "organizer": "Equipo de escucha del Valle de Tillory",
                "summary": (
                    "Venga a lavar su ropa y cuéntenos qué haría mejor la vida en el valle. "
                    "Habrá café y pan dulce."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>No hace falta inscribirse. Pase cinco minutos o quédese toda la "
                        "tarde.</p>",
                    ),
                ],
            },
            "online-study-circle-jemez": {
                "title": "Círculo de estudio en línea: los Principios de Jemez",
                "slug": "circulo-de-estudio-jemez",
                "cost": "Gratis",
                "languages": "Español, inglés",
                "accessibility_notes": (
                    "Interpretación simultánea español-inglés. Si su internet es lento, "
                    "puede conectarse por teléfono (le mandamos el número cuando se "
                    "inscriba)."
                ),
                "organizer": "Red de Derechos Humanos del Valle de Tillory",
                "summary": (
                    "Antes de empezar nuestra primera campaña, vamos a leer juntos los seis "
                    "Principios de Jemez y a platicar sobre cómo queremos trabajar."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Un principio por semana durante seis semanas. Esta primera sesión "
                        "trata de <b>Ser incluyentes</b>.</p>",
                    ),
                ],
            },
            "farmworker-housing-town-hall": {
                "title": "Vivienda para trabajadores del campo: asamblea comunitaria",
                "slug": "asamblea-vivienda-trabajadores-del-campo",
                "venue": "Salón de la Grange de Riverbend",
                "cost": "Gratis",
                "languages": "Español, mixteco, inglés",
                "accessibility_notes": (
                    "Interpretación al mixteco y al inglés. Rampa en la puerta principal. "
                    "Habrá cuidado de niños y comida caliente."
                ),
                "organizer": "Red de Derechos Humanos del Valle de Tillory",
                "summary": (
                    "Trabajadores y familias les cuentan a los comisionados del condado cómo "
                    "es de verdad la vivienda en los campamentos, y qué tiene que cambiar."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Invitamos a los tres comisionados del condado. Vengan o no, "
                        "vamos a anotar todo lo que se diga y se lo vamos a llevar a sus "
                        "oficinas.</p>",
                    ),
                ],
            },
        },
        "archive": {
            "thirty-harvests": {
                "title": "Treinta cosechas: los recuerdos de una trabajadora de empacadora",
                "slug": "treinta-cosechas",
                "place": "Alder Flats y Riverbend",
                "narrators": "Doña Lupe",
                "summary": (
                    "Una mujer que lleva treinta años trabajando en los huertos y las "
                    "empacadoras del valle habla del trabajo, de la familia y de lo que ha "
                    "cambiado y lo que no. Grabado en español; aquí están sus propias "
                    "palabras."
                ),
                "transcript": (
                    "<p>Llegué al valle con mi esposo para una sola temporada. De eso ya van "
                    "treinta cosechas. Mis hijos crecieron aquí, y ahora también mis "
                    "nietos.</p>"
                    "<p>En los huertos, lo más duro era el calor. En ese entonces nadie "
                    "hablaba del humo. Ahora, cada agosto el cielo se pone anaranjado y de "
                    "todos modos vamos a trabajar, porque la fruta no espera.</p>"
                    "<p>En la empacadora, en cambio, hace frío, y todo es rápido. La línea "
                    "nunca para. Pero ahí nos teníamos unas a otras. Cubríamos a las que "
                    "estaban embarazadas y a las nuevas les enseñábamos a no quedarse "
                    "atrás.</p>"
                    "<p>Lo que yo quiero es sencillo: una casa donde quepa mi familia, y que "
                    "mis nietos puedan ir a la clínica y que les entiendan en su propio "
                    "idioma.</p>"
                ),
            },
            "mural-design-hands-of-the-valley": {
                "title": "Diseño de mural: las manos del valle",
                "slug": "diseno-de-mural-las-manos-del-valle",
                "place": "Lavandería Suds & Spin, Alder Flats",
                "narrators": "Grupo juvenil de arte de Alder Flats",
                "summary": (
                    "Un diseño de mural que dibujaron jóvenes a partir de las sesiones de "
                    "escucha: manos que cosechan fruta, que doblan ropa, que cargan a un "
                    "niño y que se alzan para hacer una pregunta."
                ),
                "transcript": "",
            },
            "pending-growers-camp-testimony": {
                "title": (
                    "Pendiente: testimonio sobre las condiciones en el campamento de "
                    "vivienda de un productor"
                ),
                "slug": "pendiente-testimonio-campamento-de-productor",
                "place": "Valle de Tillory",
                "narrators": "Un trabajador del campo (nombre reservado)",
                "summary": (
                    "Un trabajador describe el hacinamiento y la plomería descompuesta en la "
                    "vivienda que da el patrón. El consentimiento está pendiente mientras el "
                    "narrador evalúa el riesgo de represalias."
                ),
                "transcript": (
                    "<p>Somos doce para un solo baño. Cuando se descompone, esperamos una "
                    "semana, a veces dos.</p>"
                ),
            },
        },
    },
}
