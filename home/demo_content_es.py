"""Spanish text for the Alliance's part of the demo network (home/demo_content.py).

Plain data only; home/demo_es.py loads it as Wagtail translations of the English objects.
Every entry is keyed by what identifies its English original: a page by its English slug,
a principle set, principle or resource by its English title, a right by its slug. Titles
of real publications, authors, editors and publishers stay as published; what the Alliance
writes about them (summaries, descriptions) is in Spanish.
"""

ALLIANCE_NAME = "Alianza de Ciudades de Derechos Humanos de EE. UU."

# Keyed by the English set's title; "principles" by each English principle's title.
PRINCIPLE_SETS = {
    "Statement of Human Rights City Principles": {
        "title": "Declaración de Principios de las Ciudades de Derechos Humanos",
        "short_title": "Principios de la Alianza",
        "source": (
            "Comité coordinador de la Alianza de Ciudades de Derechos Humanos de EE. UU., "
            "borrador, octubre de 2017"
        ),
        "description": (
            "<p>La declaración propia de la Alianza sobre lo que defiende una ciudad de "
            "derechos humanos. El comité coordinador la aprobó como <i>borrador</i>: su "
            "propósito es abrir una conversación entre organizadores locales, no "
            "cerrarla.</p>"
            "<p>Parte de una visión de los derechos humanos <b>centrada en las "
            "personas</b>: los derechos los definen y los defienden las comunidades "
            "organizadas, sobre todo quienes han sido empujados a los márgenes.</p>"
        ),
        "principles": {
            "Rights belong together": {
                "title": "Los derechos van juntos",
                "statement": (
                    "Todos los derechos humanos son para todas las personas, y ningún "
                    "derecho puede dejarse de lado en favor de otro. Los derechos civiles, "
                    "políticos, económicos, sociales y culturales dependen unos de otros: "
                    "se sostienen o se caen juntos."
                ),
                "commentary": (
                    "<p>En la práctica, un capítulo no tiene que escoger entre una campaña "
                    "de vivienda y una campaña sobre la policía: por lo general son las "
                    "mismas personas las que viven con los dos problemas, y el análisis "
                    "los conecta.</p>"
                ),
            },
            "People give rights their meaning": {
                "title": "La gente da sentido a los derechos",
                "statement": (
                    "Los derechos humanos nacen de las luchas de quienes viven en los "
                    "márgenes, y son ellos, no las élites, quienes deciden qué significan. "
                    "El derecho internacional es apenas el punto de partida: los "
                    "organizadores locales traducen los derechos que reconoce al lenguaje "
                    "de su propio lugar, y les suman nuevos significados que nacen de la "
                    "experiencia local."
                ),
                "commentary": "",
            },
            "Organized, watchful communities": {
                "title": "Comunidades organizadas y vigilantes",
                "statement": (
                    "Los derechos solo se hacen realidad donde las comunidades están "
                    "organizadas, alertas y comprometidas. Esas comunidades vigilan cómo "
                    "se respetan los derechos individuales y colectivos, y actúan cuando "
                    "no se respetan."
                ),
                "commentary": (
                    "<p>Vigilar puede ser algo sencillo: un registro que llevan los "
                    "inquilinos de las reparaciones que pidieron y nunca les hicieron, un "
                    "conteo de los cortes de agua por barrio, o los testimonios recogidos "
                    "en una audiencia comunitaria y llevados al concejo municipal.</p>"
                ),
            },
            "Centering those historically oppressed": {
                "title": "En el centro, quienes han sido históricamente oprimidos",
                "statement": (
                    "Las personas de grupos históricamente oprimidos llevan el liderazgo, "
                    "y sus necesidades y sus voces marcan la agenda. El trabajo rompe el "
                    "silencio impuesto a las personas marginadas, a las generaciones que "
                    "vienen y a la Tierra. Se opone a toda forma de opresión y mira toda "
                    "la política social desde los derechos humanos."
                ),
                "commentary": (
                    "<p>Pregúntense quién está en la sala cuando se toman las decisiones, "
                    "quién falta y quién lleva el liderazgo. Busquen a la gente donde ya "
                    "se reúne, y compartan los puestos de liderazgo, no solo los asientos "
                    "en la mesa.</p>"
                ),
            },
            "Decolonizing through truth and healing": {
                "title": "Descolonizar con verdad y sanación",
                "statement": (
                    "El movimiento busca descolonizar tanto a las comunidades como las "
                    "formas de pensar. Lo hace contando la verdad sobre la historia, "
                    "trabajando por la reconciliación y la sanación, y usando el "
                    "aprendizaje de los derechos humanos como su herramienta principal."
                ),
                "commentary": (
                    "<p>Los proyectos de historia oral, los testimonios públicos y los "
                    "encuentros locales para contar la verdad son formas comunes de "
                    "empezar. Antes que nada, acuerden con las personas dueñas de esas "
                    "historias quién guarda las grabaciones y cómo se van a usar.</p>"
                ),
            },
            "A just social and international order": {
                "title": "Un orden social e internacional justo",
                "statement": (
                    "Todas las personas pueden gozar de todos los derechos solo en un "
                    "orden social e internacional construido con ese fin. Las ciudades de "
                    "derechos humanos cooperan y se apoyan por encima de las fronteras, "
                    "porque los problemas locales y los globales están entrelazados."
                ),
                "commentary": "",
            },
            "Self-determination of peoples": {
                "title": "Libre determinación de los pueblos",
                "statement": (
                    "El movimiento defiende el derecho colectivo de las naciones oprimidas "
                    "y de las minorías nacionales a decidir su propio futuro, conforme al "
                    "artículo 27 del Pacto Internacional de Derechos Civiles y Políticos. "
                    "Señala el neocolonialismo como una forma de opresión de grupo."
                ),
                "commentary": "",
            },
            "Transformative work": {
                "title": "Un trabajo transformador",
                "statement": (
                    "La meta es cambiar cómo funciona una comunidad, no solo ganar luchas "
                    "aisladas. Eso significa construir instituciones, estructuras y "
                    "relaciones dedicadas a la dignidad de cada persona y a una sociedad "
                    "justa."
                ),
                "commentary": "",
            },
            "Human rights learning as the foundation": {
                "title": "El aprendizaje de los derechos humanos como base",
                "statement": (
                    "Aprender sobre los derechos humanos, en conjunto y unos de otros, es "
                    "la base de todo lo demás que hace una ciudad de derechos humanos."
                ),
                "commentary": (
                    "<p>Aprender no es cosa de un solo taller. Muchos capítulos tienen "
                    "círculos de estudio que se reúnen con regularidad, capacitan a "
                    "residentes para documentar las condiciones en que viven e invitan a "
                    "funcionarios públicos a aprender junto con la comunidad.</p>"
                ),
            },
            "Guided by the Gwangju Principles": {
                "title": "Guiados por los Principios de Gwangju",
                "statement": (
                    "La Alianza respalda los Principios Rectores de Gwangju para una "
                    "Ciudad de Derechos Humanos, adoptados en Gwangju, Corea, en 2014, y "
                    "los usa como guía para el trabajo local."
                ),
                "commentary": "",
            },
        },
    },
    "Jemez Principles for Democratic Organizing": {
        "title": "Principios de Jemez para la Organización Democrática",
        "short_title": "Principios de Jemez",
        "source": "Jemez, Nuevo México, 1996",
        "description": (
            "<p>Seis principios sobre cómo trabajan juntos los movimientos y las "
            "coaliciones, acordados en 1996 en un encuentro de organizadores en Jemez, "
            "Nuevo México. Los usan muchísimos grupos que trabajan más allá de las "
            "divisiones de raza, de clase y de tema.</p>"
            "<p>La Alianza pide a sus capítulos que se comprometan con ellos además de "
            "con los Principios de las Ciudades de Derechos Humanos, porque <i>cómo</i> "
            "se organiza un capítulo importa tanto como aquello por lo que lucha.</p>"
        ),
        "principles": {
            "Be inclusive": {
                "title": "Ser incluyentes",
                "statement": (
                    "Sumar al trabajo a todas las personas afectadas, con toda la variedad "
                    "de sus experiencias y sus voces. La inclusión de verdad no se da "
                    "sola: requiere esfuerzo deliberado y tiempo."
                ),
                "commentary": "",
            },
            "Emphasis on bottom-up organizing": {
                "title": "Énfasis en la organización desde la base",
                "statement": (
                    "Acercarse primero a los grupos locales y de base, y formar liderazgo "
                    "de abajo hacia arriba. La fuerza viene de las personas más cercanas "
                    "al problema, no de la cúpula de una organización."
                ),
                "commentary": "",
            },
            "Let people speak for themselves": {
                "title": "Dejar que la gente hable por sí misma",
                "statement": (
                    "Las personas afectadas se representan a sí mismas. Quienes organizan "
                    "se aseguran de que esas voces se escuchen directamente, en lugar de "
                    "hablar en nombre de otros."
                ),
                "commentary": "",
            },
            "Work together in solidarity and mutuality": {
                "title": "Trabajar juntos con solidaridad y reciprocidad",
                "statement": (
                    "Los grupos que dan luchas relacionadas se apoyan entre sí, vinculan "
                    "sus temas y comparten lo que tienen. La causa de cada grupo se vuelve "
                    "parte de la de los demás."
                ),
                "commentary": "",
            },
            "Build just relationships among ourselves": {
                "title": "Construir relaciones justas entre nosotros",
                "statement": (
                    "Tratarnos con justicia y respeto dentro del movimiento, también en "
                    "cómo se toman las decisiones y en cómo se reparten el dinero y el "
                    "reconocimiento."
                ),
                "commentary": "",
            },
            "Commitment to self-transformation": {
                "title": "Compromiso con la transformación personal",
                "statement": (
                    "Cambiarnos a nosotros mismos mientras trabajamos por cambiar la "
                    "sociedad. Pasar del individualismo a la comunidad, y vivir los "
                    "valores que les pedimos a los demás."
                ),
                "commentary": "",
            },
        },
    },
    "Gwangju Guiding Principles for a Human Rights City": {
        "title": "Principios Rectores de Gwangju para una Ciudad de Derechos Humanos",
        "short_title": "Principios de Gwangju",
        "source": "Foro Mundial de Ciudades por los Derechos Humanos, Gwangju, Corea, 2014",
        "description": (
            "<p>Diez principios adoptados en el Foro Mundial de Ciudades por los Derechos "
            "Humanos en Gwangju, Corea, en 2014, a partir de la experiencia de ciudades de "
            "derechos humanos de todo el mundo. Hablan sobre todo de lo que debe hacer el "
            "gobierno local.</p>"
            "<p>La Alianza los respalda como guía; los capítulos los usan cuando tratan "
            "con instituciones municipales, del condado o tribales.</p>"
        ),
        "principles": {
            "The right to the city": {
                "title": "El derecho a la ciudad",
                "statement": (
                    "Todas las personas que viven en la ciudad pueden gozar allí de todos "
                    "los derechos humanos y tienen voz en cómo se desarrolla. La ciudad es "
                    "un espacio compartido que pertenece a todos sus habitantes."
                ),
                "commentary": "",
            },
            "Non-discrimination and affirmative action": {
                "title": "No discriminación y acción afirmativa",
                "statement": (
                    "La ciudad no trata peor a nadie por ser quien es. Donde hay grupos "
                    "que han estado en desventaja, toma medidas positivas para cerrar la "
                    "brecha."
                ),
                "commentary": "",
            },
            "Social inclusion and cultural diversity": {
                "title": "Inclusión social y diversidad cultural",
                "statement": (
                    "La ciudad trabaja para que nadie quede fuera de su vida social, y "
                    "respeta y protege las muchas culturas de sus habitantes."
                ),
                "commentary": "",
            },
            "Participatory democracy and accountable governance": {
                "title": "Democracia participativa y gobernanza con rendición de cuentas",
                "statement": (
                    "Los habitantes participan en las decisiones que les afectan. El "
                    "gobierno local actúa con transparencia y le rinde cuentas a la gente."
                ),
                "commentary": "",
            },
            "Social justice, solidarity and sustainability": {
                "title": "Justicia social, solidaridad y sostenibilidad",
                "statement": (
                    "La ciudad reparte sus recursos con justicia, se pone del lado de "
                    "quienes lo necesitan y cuida el medio ambiente para que las "
                    "generaciones futuras también puedan vivir bien."
                ),
                "commentary": "",
            },
            "Political leadership and institutionalization": {
                "title": "Liderazgo político e institucionalización",
                "statement": (
                    "Los líderes electos se comprometen públicamente con los derechos "
                    "humanos, y ese compromiso queda plasmado en leyes, oficinas y "
                    "presupuestos para que dure más allá de un solo mandato."
                ),
                "commentary": "",
            },
            "Human rights mainstreaming": {
                "title": "Transversalización de los derechos humanos",
                "statement": (
                    "Los derechos humanos forman parte de cada política, programa y "
                    "presupuesto de la ciudad; no se quedan encerrados en una sola oficina."
                ),
                "commentary": "",
            },
            "Coherent institutions and policy coordination": {
                "title": "Coherencia institucional y coordinación de políticas",
                "statement": (
                    "Los departamentos de la ciudad trabajan juntos en derechos humanos, y "
                    "la ciudad se coordina con otros niveles de gobierno y con aliados de "
                    "otros lugares."
                ),
                "commentary": "",
            },
            "Human rights education and training": {
                "title": "Educación y formación en derechos humanos",
                "statement": (
                    "Habitantes, funcionarios y empleados públicos tienen la oportunidad "
                    "de aprender sobre los derechos humanos y sobre cómo aplicarlos en su "
                    "trabajo y en su vida diaria."
                ),
                "commentary": "",
            },
            "The right to remedy": {
                "title": "El derecho a la reparación",
                "statement": (
                    "Toda persona cuyos derechos sean violados puede acudir a una vía "
                    "accesible, justa y eficaz para obtener reparación, como un organismo "
                    "independiente que atienda quejas."
                ),
                "commentary": "",
            },
        },
    },
}

# Keyed by the English title, which stays: these are real publications. So do the
# container titles and the names of authors, editors and publishers; the summary, the
# place and the "and" between editors are in Spanish.
RESOURCES = {
    "Cities as Glocal Defenders of Rights": {
        "editors": "T. van Lindert y D. Lettinga",
        "summary": (
            "Un argumento breve de por qué las ciudades, más cerca de sus habitantes que "
            "los gobiernos nacionales, pueden defender los derechos a la vez en lo local y "
            "en lo global. Útil cuando un capítulo tiene que convencer a funcionarios "
            "escépticos de que vale la pena actuar en lo local."
        ),
    },
    "The Dangerous Rise of Populism: Global Attacks on Human Rights Values": {
        "place": "Nueva York",
        "summary": (
            "El ensayo que abre el informe mundial 2017 de Human Rights Watch, sobre cómo "
            "la política populista pone bajo presión los valores de los derechos humanos. "
            "Buen contexto para los círculos de estudio que se preguntan por qué hoy "
            "importa tanto el trabajo local por los derechos."
        ),
    },
    "The Human Rights Project": {
        "summary": (
            "El ensayo del que parte la idea de los derechos humanos centrados en las "
            "personas, sobre la que construye la Alianza. Léalo para entender por qué el "
            "movimiento empieza por las comunidades en lucha y no por los Estados."
        ),
    },
    "Jemez Principles for Democratic Organizing": {
        "place": "Jemez, Nuevo México",
        "summary": (
            "Seis principios breves para trabajar juntos entre movimientos. Los capítulos "
            "se comprometen con ellos, y muchos los leen en voz alta en la primera reunión "
            "de una coalición nueva."
        ),
    },
    "Gwangju Guiding Principles for a Human Rights City": {
        "place": "Gwangju, Corea",
        "summary": (
            "Diez principios sobre lo que hace un gobierno municipal comprometido con los "
            "derechos humanos. Una lista práctica para repasar cuando un capítulo se reúne "
            "con autoridades locales."
        ),
    },
}

# Keyed by slug (the same in every language). Instrument and article stay.
RIGHTS = {
    "housing": {
        "name": "Derecho a la vivienda",
        "description": (
            "Toda persona debe tener un lugar seguro, estable y asequible donde vivir, "
            "protegido contra los desalojos arbitrarios."
        ),
    },
    "water-and-sanitation": {
        "name": "Derecho al agua y al saneamiento",
        "description": (
            "Toda persona debe tener suficiente agua limpia, segura y asequible, y un "
            "saneamiento que proteja su salud y su dignidad."
        ),
    },
    "health": {
        "name": "Derecho a la salud",
        "description": (
            "Toda persona debe poder alcanzar el más alto nivel posible de salud física y "
            "mental, con atención médica a la que pueda llegar y que pueda pagar."
        ),
    },
    "education": {
        "name": "Derecho a la educación",
        "description": (
            "Toda persona debe tener acceso a una educación que desarrolle plenamente su "
            "personalidad y fortalezca el respeto por los derechos humanos."
        ),
    },
    "work": {
        "name": "Derecho al trabajo",
        "description": (
            "Toda persona debe tener la oportunidad de ganarse la vida con un trabajo que "
            "escoja o acepte libremente."
        ),
    },
    "food": {
        "name": "Derecho a la alimentación",
        "description": (
            "Toda persona debe estar libre del hambre y poder conseguir alimentos "
            "adecuados y nutritivos."
        ),
    },
    "social-security": {
        "name": "Derecho a la seguridad social",
        "description": (
            "Toda persona debe recibir apoyo cuando no puede ganar lo suficiente, ya sea "
            "por enfermedad, discapacidad, vejez, desempleo o por cuidar de otras personas."
        ),
    },
    "racial-discrimination": {
        "name": "Derecho a no sufrir discriminación racial",
        "description": (
            "Toda persona debe gozar de sus derechos, desde un trato justo de la policía "
            "y los tribunales hasta la vivienda y el trabajo, sin distinción de raza, "
            "color u origen."
        ),
    },
    "equality-before-the-law": {
        "name": "Igualdad ante la ley",
        "description": (
            "Todas las personas son iguales ante la ley y tienen derecho, sin "
            "discriminación, a la misma protección de la ley."
        ),
    },
    "participation": {
        "name": "Derecho a participar en los asuntos públicos",
        "description": (
            "Toda persona debe poder participar en la dirección de los asuntos públicos, "
            "votar y tener acceso a la función pública."
        ),
    },
    "self-determination": {
        "name": "Derecho a la libre determinación",
        "description": (
            "Los pueblos deciden libremente su condición política y buscan su propio "
            "desarrollo económico, social y cultural."
        ),
    },
    "minority-cultures": {
        "name": "Derecho de las minorías a su propia cultura",
        "description": (
            "Las personas de minorías étnicas, religiosas o lingüísticas pueden vivir su "
            "propia cultura, practicar su religión y hablar su idioma junto con los demás "
            "miembros de su grupo."
        ),
    },
    "indigenous-peoples": {
        "name": "Derechos de los pueblos indígenas a sus tierras y recursos",
        "description": (
            "Los pueblos indígenas tienen derecho a las tierras, territorios y recursos "
            "que tradicionalmente han poseído, ocupado o utilizado."
        ),
    },
    "environment": {
        "name": "Derecho a un medio ambiente limpio, saludable y sostenible",
        "description": (
            "Toda persona debe poder vivir en un medio ambiente limpio, saludable y "
            "sostenible, hoy y para las generaciones que vienen."
        ),
    },
}

ALLIANCE_HOME = {
    "title": ALLIANCE_NAME,
    "intro": (
        "Residentes de todo Estados Unidos que se organizan para que sus ciudades, "
        "condados, comunidades rurales y naciones pongan primero las necesidades de la "
        "gente y los derechos humanos."
    ),
    "body": [
        ("heading", {"text": "Los derechos humanos empiezan donde vivimos", "level": "h2"}),
        (
            "paragraph",
            "<p>La Alianza de Ciudades de Derechos Humanos de EE. UU. une a las iniciativas "
            "locales de derechos humanos de todo el país. Forma parte de la <b>Red de "
            "Derechos Humanos de EE. UU.</b> (US Human Rights Network) y trabaja desde un "
            "enfoque <b>centrado en las personas</b>: los derechos los definen y los "
            "defienden las comunidades organizadas, sobre todo quienes han sido empujados "
            "a los márgenes.</p>",
        ),
        (
            "paragraph",
            "<p>Nuestros capítulos trabajan en lo que sus vecinos señalan como más "
            "urgente:</p>"
            "<ul><li>la vivienda y los desalojos</li><li>los cortes de agua y el agua "
            "potable segura</li><li>la policía y la seguridad pública</li><li>la atención "
            "médica y la alimentación</li><li>contar la verdad sobre la historia local, y "
            "sanar</li></ul>",
        ),
        (
            "quote",
            {
                "quote": (
                    "Dejamos de esperar a que alguien en una oficina nos entregara nuestros "
                    "derechos. Empezamos a reunirnos en los porches, a apuntar lo que "
                    "veíamos y a llegar todos juntos."
                ),
                "attribution": "Una organizadora de inquilinos del capítulo de Corvale (demo)",
            },
        ),
        ("heading", {"text": "Cómo formar un capítulo", "level": "h2"}),
        (
            "paragraph",
            "<p>Un capítulo empieza con un pequeño grupo base de residentes que se "
            "comprometen con los <b>Principios de las Ciudades de Derechos Humanos</b> y "
            "con los <b>Principios de Jemez para la Organización Democrática</b>. La "
            "Alianza ofrece materiales de aprendizaje, contacto con otros capítulos y un "
            "sitio como este para el trabajo de su grupo.</p>",
        ),
    ],
}

# Keyed by the English page's slug.
ALLIANCE_PAGES = {
    "about": {
        "title": "Sobre la Alianza",
        "slug": "sobre-la-alianza",
        "intro": (
            "Una red nacional de iniciativas locales de derechos humanos, dirigidas por "
            "residentes y arraigadas en los derechos humanos centrados en las personas."
        ),
        "body": [
            ("heading", {"text": "Quiénes somos", "level": "h2"}),
            (
                "paragraph",
                "<p>La Alianza reúne a personas que están construyendo ciudades, "
                "condados, comunidades rurales y naciones de derechos humanos en todo "
                "Estados Unidos. Es miembro de la Red de Derechos Humanos de EE. UU. y "
                "tiene su propio comité coordinador.</p>"
                "<p>Un lugar se vuelve una comunidad de derechos humanos gracias al "
                "trabajo constante de sus residentes, no por una etiqueta ni por una sola "
                "votación.</p>",
            ),
            ("heading", {"text": "En qué creemos", "level": "h2"}),
            (
                "paragraph",
                "<p>En 2017 el comité coordinador aprobó un borrador de la <b>Declaración "
                "de Principios de las Ciudades de Derechos Humanos</b> para orientar el "
                "diálogo entre organizadores locales. Entre otras cosas, sostiene que:</p>"
                "<ul><li>todos los derechos humanos son universales y dependen unos de "
                "otros;</li>"
                "<li>su significado lo define la gente que lucha, no las élites;</li>"
                "<li>las personas de grupos históricamente oprimidos llevan el liderazgo, "
                "y sus necesidades y sus voces van primero;</li>"
                "<li>contar la verdad, la reconciliación y la sanación son parte del "
                "trabajo;</li>"
                "<li>el aprendizaje de los derechos humanos es la base de todo.</li></ul>"
                "<p>Los capítulos también se comprometen con los <b>Principios de Jemez "
                "para la Organización Democrática</b>, y la Alianza respalda los "
                "<b>Principios Rectores de Gwangju para una Ciudad de Derechos "
                "Humanos</b> como guía para el trabajo con los gobiernos locales.</p>",
            ),
            ("heading", {"text": "Qué hace la Alianza", "level": "h2"}),
            (
                "paragraph",
                "<p>Conectamos a los capítulos para que aprendan unos de otros, compartimos "
                "lecturas y herramientas para el aprendizaje de los derechos humanos, y "
                "vinculamos las luchas locales con el movimiento internacional de ciudades "
                "de derechos humanos. La cooperación entre lugares, aquí y en otros países, "
                "es parte de lo que hace a una ciudad de derechos humanos.</p>",
            ),
        ],
    },
    "what-is-a-human-rights-city": {
        "title": "¿Qué es una ciudad de derechos humanos?",
        "slug": "que-es-una-ciudad-de-derechos-humanos",
        "intro": (
            "Más que una declaración, es una forma de organizarse: residentes que "
            "trabajan, año tras año, para que la política local ponga primero las "
            "necesidades de la gente."
        ),
        "body": [
            (
                "quote",
                {
                    "quote": (
                        "¿Dónde empiezan, después de todo, los derechos humanos "
                        "universales? En lugares pequeños, cerca de casa…"
                    ),
                    "attribution": ("Eleanor Roosevelt, palabras ante las Naciones Unidas, 1958"),
                },
            ),
            ("heading", {"text": "Un modelo de organización", "level": "h2"}),
            (
                "paragraph",
                "<p>Una ciudad de derechos humanos puede ser una ciudad, un condado, una "
                "comunidad rural, una reserva indígena o todo un estado. Lo que la hace "
                "serlo es un grupo base de residentes que sigue educando, conversando con "
                "los vecinos y movilizándose, año tras año, para que las instituciones "
                "locales respondan a las necesidades de la gente. En el camino, el concejo "
                "municipal puede aprobar una resolución, y eso puede ayudar, pero lo que "
                "cuenta es la organización.</p>"
                "<p><b>La sociedad civil lleva la batuta.</b> Algunas iniciativas nacen "
                "con un alcalde o con una comisión de derechos humanos, y las buenas "
                "relaciones con organismos públicos, como las comisiones de derechos "
                "humanos, de equidad de género o de equidad racial, valen mucho. Pero las "
                "iniciativas solo perduran cuando las dirigen los residentes, y cuando las "
                "personas más afectadas por la injusticia están en el centro, no cuando se "
                "les consulta al final.</p>",
            ),
            (
                "heading",
                {"text": "Qué tienen en común las iniciativas que perduran", "level": "h2"},
            ),
            (
                "paragraph",
                "<ul><li><b>Comunidades organizadas</b> que encabezan un proyecto político "
                "centrado en las personas.</li>"
                "<li><b>Alianzas amplias</b> que reúnen a grupos de barrio, movimientos "
                "sociales, sindicatos y asociaciones profesionales.</li>"
                "<li>Una identidad arraigada en <b>el lugar</b>, no en una sola "
                "profesión.</li>"
                "<li><b>Lazos con otros lugares</b>: otras ciudades de derechos humanos, la "
                "Alianza nacional y el movimiento internacional.</li>"
                "<li><b>Trabajo con el gobierno local</b>, al menos con alguna parte de "
                "él.</li>"
                "<li><b>La verdad, la sanación y el aprendizaje de los derechos "
                "humanos</b> presentes en todo el trabajo.</li></ul>",
            ),
        ],
    },
    "principles": {
        "title": "Principios",
        "slug": "principios",
        "intro": (
            "Los tres conjuntos de principios que guían a nuestros capítulos: la "
            "declaración propia de la Alianza, los Principios de Jemez sobre cómo nos "
            "organizamos y los Principios Rectores de Gwangju para el trabajo con los "
            "gobiernos locales."
        ),
    },
    "resources": {
        "title": "Biblioteca de recursos",
        "slug": "recursos",
        "intro": (
            "Lecturas y declaraciones para círculos de estudio, capacitaciones y el "
            "aprendizaje de los derechos humanos en su capítulo."
        ),
    },
}
