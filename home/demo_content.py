"""Demo content for the Alliance site: principle sets, readings, rights and national pages.

Plain data only; home/demo.py loads it. The principles are summarized in the project's own
words, not quoted, and every reading is a real citation.
"""

ALLIANCE_SHORT = "Alliance Principles"
JEMEZ_SHORT = "Jemez Principles"
GWANGJU_SHORT = "Gwangju Principles"

PRINCIPLE_SETS = [
    {
        "title": "Statement of Human Rights City Principles",
        "short_title": ALLIANCE_SHORT,
        "source": "US Human Rights Cities Alliance steering committee, draft, October 2017",
        "year": 2017,
        "sort_order": 1,
        "description": (
            "<p>The Alliance's own statement of what a human rights city stands for. "
            "The steering committee approved it as a <i>draft</i>, meant to open a "
            "conversation among local organizers rather than to settle one.</p>"
            "<p>It takes a <b>people-centered</b> view of human rights: rights are "
            "defined and defended by organized communities, above all by those who "
            "have been pushed to the margins.</p>"
        ),
        "principles": [
            {
                "title": "Rights belong together",
                "statement": (
                    "Every human right applies to everyone, and no right can be set aside "
                    "in favor of another. Civil, political, economic, social and cultural "
                    "rights depend on one another and stand or fall together."
                ),
                "commentary": (
                    "<p>In practice, a chapter does not have to choose between a housing "
                    "campaign and a policing campaign: the same people are usually living "
                    "with both, and the analysis connects them.</p>"
                ),
            },
            {
                "title": "People give rights their meaning",
                "statement": (
                    "Human rights grow out of the struggles of people at the margins, and "
                    "it is they, not elites, who decide what rights mean. International "
                    "law is only the starting line: local organizers translate the rights "
                    "it recognizes into the language of their own place, and add new "
                    "meanings that grow from local experience."
                ),
                "commentary": "",
            },
            {
                "title": "Organized, watchful communities",
                "statement": (
                    "Rights become real only where communities are organized, alert and "
                    "engaged. Such communities keep watch over how individual and "
                    "collective rights are respected, and act when they are not."
                ),
                "commentary": (
                    "<p>Monitoring can be simple: a tenants' log of unanswered repair "
                    "requests, a record of water shutoffs by neighborhood, or testimony "
                    "gathered at a community hearing and brought to the city council.</p>"
                ),
            },
            {
                "title": "Centering those historically oppressed",
                "statement": (
                    "People from historically oppressed groups lead, and their needs and "
                    "voices set the agenda. The work undoes the silencing of marginalized people, "
                    "of generations still to come and of the Earth. It opposes every form "
                    "of oppression and looks at all social policy through human rights."
                ),
                "commentary": (
                    "<p>Ask who is in the room when decisions are made, who is missing, "
                    "and who is leading. Meet people where they already gather, and share "
                    "leadership roles, not only seats at the table.</p>"
                ),
            },
            {
                "title": "Decolonizing through truth and healing",
                "statement": (
                    "The movement seeks to decolonize both communities and ways of "
                    "thinking. It does this by telling the truth about history, working "
                    "toward reconciliation and healing, and using human rights learning "
                    "as its main tool."
                ),
                "commentary": (
                    "<p>Oral history projects, public testimony and local truth-telling "
                    "gatherings are common ways in. Agree first, with the people whose "
                    "stories they are, on who keeps the recordings and how they are used."
                    "</p>"
                ),
            },
            {
                "title": "A just social and international order",
                "statement": (
                    "Everyone can enjoy all rights only in a social and international "
                    "order built for that purpose. Human rights cities cooperate and "
                    "support each other across borders, because local and global problems "
                    "are bound up together."
                ),
                "commentary": "",
            },
            {
                "title": "Self-determination of peoples",
                "statement": (
                    "The movement upholds the collective right of oppressed nations and "
                    "national minorities to decide their own future, in line with "
                    "Article 27 of the International Covenant on Civil and Political "
                    "Rights. It names neocolonialism as one form of group oppression."
                ),
                "commentary": "",
            },
            {
                "title": "Transformative work",
                "statement": (
                    "The aim is to change how a community works, not only to win single "
                    "issues. That means building institutions, structures and "
                    "relationships devoted to the dignity of every person and to a just "
                    "society."
                ),
                "commentary": "",
            },
            {
                "title": "Human rights learning as the foundation",
                "statement": (
                    "Learning about human rights, together and from one another, "
                    "underpins everything else a human rights city does."
                ),
                "commentary": (
                    "<p>Learning is not a one-off workshop. Many chapters hold regular "
                    "study circles, train residents to document conditions, and invite "
                    "public officials to learn alongside community members.</p>"
                ),
            },
            {
                "title": "Guided by the Gwangju Principles",
                "statement": (
                    "The Alliance endorses the Gwangju Guiding Principles for a Human "
                    "Rights City, adopted in Gwangju, Korea, in 2014, and uses them as a "
                    "guide for local work."
                ),
                "commentary": "",
            },
        ],
    },
    {
        "title": "Jemez Principles for Democratic Organizing",
        "short_title": JEMEZ_SHORT,
        "source": "Jemez, New Mexico, 1996",
        "year": 1996,
        "sort_order": 2,
        "description": (
            "<p>Six principles for how movements and coalitions work together, agreed "
            "at a 1996 gathering of organizers in Jemez, New Mexico. They are widely "
            "used by groups working across lines of race, class and issue.</p>"
            "<p>The Alliance asks its chapters to commit to them alongside the Human "
            "Rights City Principles, because <i>how</i> a chapter organizes matters as "
            "much as what it campaigns for.</p>"
        ),
        "principles": [
            {
                "title": "Be inclusive",
                "statement": (
                    "Bring into the work everyone who is affected, with the full range of "
                    "their experiences and voices. Real inclusion does not happen by "
                    "itself; it takes deliberate effort and time."
                ),
                "commentary": "",
            },
            {
                "title": "Emphasis on bottom-up organizing",
                "statement": (
                    "Reach out first to local and grassroots groups and build leadership "
                    "from the base up. Strength comes from the people closest to the "
                    "problem, not from the top of an organization."
                ),
                "commentary": "",
            },
            {
                "title": "Let people speak for themselves",
                "statement": (
                    "People who are affected represent themselves. Organizers make sure "
                    "those voices are heard directly instead of speaking on others' "
                    "behalf."
                ),
                "commentary": "",
            },
            {
                "title": "Work together in solidarity and mutuality",
                "statement": (
                    "Groups working on related struggles support one another, link their "
                    "issues and share what they have. Each group's cause becomes part of "
                    "the others'."
                ),
                "commentary": "",
            },
            {
                "title": "Build just relationships among ourselves",
                "statement": (
                    "Treat one another with justice and respect inside the movement, "
                    "including in how decisions are made and how money and credit are "
                    "shared."
                ),
                "commentary": "",
            },
            {
                "title": "Commitment to self-transformation",
                "statement": (
                    "Change ourselves as we work to change society. Move from "
                    "individualism toward community, and live the values we ask of "
                    "others."
                ),
                "commentary": "",
            },
        ],
    },
    {
        "title": "Gwangju Guiding Principles for a Human Rights City",
        "short_title": GWANGJU_SHORT,
        "source": "World Human Rights Cities Forum, Gwangju, Korea, 2014",
        "year": 2014,
        "sort_order": 3,
        "description": (
            "<p>Ten principles adopted at the World Human Rights Cities Forum in "
            "Gwangju, Korea, in 2014, drawing on the experience of human rights cities "
            "around the world. They speak largely to what local government should do.</p>"
            "<p>The Alliance supports them as a guide; chapters use them when they "
            "engage city, county or tribal institutions.</p>"
        ),
        "principles": [
            {
                "title": "The right to the city",
                "statement": (
                    "Everyone who lives in the city can enjoy all human rights there and "
                    "has a say in how the city develops. The city is a shared space that "
                    "belongs to all of its inhabitants."
                ),
                "commentary": "",
            },
            {
                "title": "Non-discrimination and affirmative action",
                "statement": (
                    "The city treats no one less favorably because of who they are. Where "
                    "groups have been disadvantaged, it takes positive measures to close "
                    "the gap."
                ),
                "commentary": "",
            },
            {
                "title": "Social inclusion and cultural diversity",
                "statement": (
                    "The city works so that no one is left out of its social life, and it "
                    "respects and protects the many cultures of its residents."
                ),
                "commentary": "",
            },
            {
                "title": "Participatory democracy and accountable governance",
                "statement": (
                    "Residents take part in the decisions that affect them. Local "
                    "government is open about what it does and answers to the people for "
                    "it."
                ),
                "commentary": "",
            },
            {
                "title": "Social justice, solidarity and sustainability",
                "statement": (
                    "The city shares its resources fairly, stands with those in need and "
                    "protects the environment so that future generations can live well "
                    "too."
                ),
                "commentary": "",
            },
            {
                "title": "Political leadership and institutionalization",
                "statement": (
                    "Elected leaders commit openly to human rights, and the commitment is "
                    "written into laws, offices and budgets so that it outlasts any one "
                    "term of office."
                ),
                "commentary": "",
            },
            {
                "title": "Human rights mainstreaming",
                "statement": (
                    "Human rights are built into every policy, program and budget of the "
                    "city, not kept in a single office."
                ),
                "commentary": "",
            },
            {
                "title": "Coherent institutions and policy coordination",
                "statement": (
                    "City departments work together on human rights, and the city "
                    "coordinates with other levels of government and with partners "
                    "elsewhere."
                ),
                "commentary": "",
            },
            {
                "title": "Human rights education and training",
                "statement": (
                    "Residents, officials and public employees all have the chance to "
                    "learn about human rights and how to apply them in daily work and life."
                ),
                "commentary": "",
            },
            {
                "title": "The right to remedy",
                "statement": (
                    "Anyone whose rights are violated can turn to an accessible, fair and "
                    "effective way to seek redress, such as an independent complaints "
                    "body."
                ),
                "commentary": "",
            },
        ],
    },
]

RESOURCES = [
    {
        "title": "Cities as Glocal Defenders of Rights",
        "authors": "Barber, Benjamin",
        "year": 2014,
        "kind": "chapter",
        "container_title": (
            "The Future of Human Rights in an Urban World: Exploring Opportunities, "
            "Threats and Challenges"
        ),
        "editors": "T. van Lindert and D. Lettinga",
        "pages": "17-22",
        "publisher": "Amnesty International Netherlands",
        "place": "",
        "url": "",
        "summary": (
            "A short argument that cities, closer to residents than national "
            "governments, can act as local and global defenders of rights. Useful when "
            "a chapter makes the case for local action to skeptical officials."
        ),
        "topics": ["democracy", "local government", "cities"],
    },
    {
        "title": "The Dangerous Rise of Populism: Global Attacks on Human Rights Values",
        "authors": "Roth, Kenneth",
        "year": 2017,
        "kind": "chapter",
        "container_title": "World Report 2017: Demagogues Threaten Human Rights",
        "editors": "",
        "pages": "1-15",
        "publisher": "Human Rights Watch",
        "place": "New York",
        "url": "",
        "summary": (
            "The opening essay of Human Rights Watch's 2017 world report, on how "
            "populist politics puts human rights values under pressure. Good background "
            "for study circles on why local rights work matters now."
        ),
        "topics": ["democracy", "populism"],
    },
    {
        "title": "The Human Rights Project",
        "authors": "Baraka, Ajamu",
        "year": 2013,
        "kind": "article",
        "container_title": "Foreign Policy in Focus",
        "editors": "",
        "pages": "",
        "publisher": "",
        "place": "",
        "url": "",
        "summary": (
            "The essay behind the idea of people-centered human rights that the "
            "Alliance builds on. Read it to understand why the movement starts from "
            "communities in struggle rather than from states."
        ),
        "topics": ["people-centered human rights", "organizing"],
    },
    {
        "title": "Jemez Principles for Democratic Organizing",
        "authors": "",
        "year": 1996,
        "kind": "principles",
        "container_title": "",
        "editors": "",
        "pages": "",
        "publisher": "",
        "place": "Jemez, New Mexico",
        "url": "",
        "summary": (
            "Six short principles for working together across movements. Chapters "
            "commit to them, and many read them aloud when a new coalition first meets."
        ),
        "topics": ["organizing", "democracy", "coalitions"],
    },
    {
        "title": "Gwangju Guiding Principles for a Human Rights City",
        "authors": "",
        "year": 2014,
        "kind": "principles",
        "container_title": "",
        "editors": "",
        "pages": "",
        "publisher": "World Human Rights Cities Forum",
        "place": "Gwangju, Korea",
        "url": "",
        "summary": (
            "Ten principles for what a city government committed to human rights does. "
            "A practical checklist when a chapter meets with local officials."
        ),
        "topics": ["local government", "human rights cities"],
    },
]

RIGHTS = [
    {
        "name": "Right to housing",
        "slug": "housing",
        "description": (
            "Everyone should have a safe, secure and affordable place to live, "
            "protected from arbitrary eviction."
        ),
        "instrument": "ICESCR",
        "article": "Article 11",
    },
    {
        "name": "Right to water and sanitation",
        "slug": "water-and-sanitation",
        "description": (
            "Everyone should have enough clean, safe and affordable water, and "
            "sanitation that protects health and dignity."
        ),
        "instrument": "UNGA",
        "article": "Res. 64/292",
    },
    {
        "name": "Right to health",
        "slug": "health",
        "description": (
            "Everyone should be able to reach the highest attainable standard of "
            "physical and mental health, including care they can get to and afford."
        ),
        "instrument": "ICESCR",
        "article": "Article 12",
    },
    {
        "name": "Right to education",
        "slug": "education",
        "description": (
            "Everyone should have access to education that develops the whole person "
            "and strengthens respect for human rights."
        ),
        "instrument": "ICESCR",
        "article": "Article 13",
    },
    {
        "name": "Right to work",
        "slug": "work",
        "description": (
            "Everyone should have the chance to earn a living through work they freely "
            "choose or accept."
        ),
        "instrument": "ICESCR",
        "article": "Article 6",
    },
    {
        "name": "Right to food",
        "slug": "food",
        "description": (
            "Everyone should be free from hunger and able to get adequate, nourishing food."
        ),
        "instrument": "ICESCR",
        "article": "Article 11",
    },
    {
        "name": "Right to social security",
        "slug": "social-security",
        "description": (
            "Everyone should be supported when they cannot earn enough, through illness, "
            "disability, old age, unemployment or caring for others."
        ),
        "instrument": "ICESCR",
        "article": "Article 9",
    },
    {
        "name": "Freedom from racial discrimination",
        "slug": "racial-discrimination",
        "description": (
            "Everyone should enjoy their rights, from fair treatment by police and courts "
            "to housing and work, without distinction by race, color or origin."
        ),
        "instrument": "ICERD",
        "article": "Article 5",
    },
    {
        "name": "Equality before the law",
        "slug": "equality-before-the-law",
        "description": (
            "Everyone is equal before the law and entitled to its equal protection "
            "without discrimination."
        ),
        "instrument": "ICCPR",
        "article": "Article 26",
    },
    {
        "name": "Right to take part in public affairs",
        "slug": "participation",
        "description": (
            "Everyone should be able to take part in running public affairs, to vote "
            "and to have access to public service."
        ),
        "instrument": "ICCPR",
        "article": "Article 25",
    },
    {
        "name": "Right to self-determination",
        "slug": "self-determination",
        "description": (
            "Peoples freely determine their political status and pursue their own "
            "economic, social and cultural development."
        ),
        "instrument": "ICCPR",
        "article": "Article 1",
    },
    {
        "name": "Rights of minorities to their culture",
        "slug": "minority-cultures",
        "description": (
            "Members of ethnic, religious and linguistic minorities may enjoy their own "
            "culture, practice their religion and use their language together."
        ),
        "instrument": "ICCPR",
        "article": "Article 27",
    },
    {
        "name": "Rights of Indigenous peoples to lands and resources",
        "slug": "indigenous-peoples",
        "description": (
            "Indigenous peoples have the right to the lands, territories and resources "
            "they have traditionally owned, occupied or used."
        ),
        "instrument": "UNDRIP",
        "article": "Article 26",
    },
    {
        "name": "Right to a clean, healthy and sustainable environment",
        "slug": "environment",
        "description": (
            "Everyone should be able to live in a clean, healthy and sustainable "
            "environment, for today and for generations to come."
        ),
        "instrument": "UNGA",
        "article": "Res. 76/300",
    },
]

ALLIANCE_HOME = {
    "title": "US Human Rights Cities Alliance",
    "intro": (
        "Residents across the United States organizing so that their cities, counties, "
        "rural communities and nations put people's needs and human rights first."
    ),
    "body": [
        ("heading", {"text": "Human rights begin where we live", "level": "h2"}),
        (
            "paragraph",
            "<p>The US Human Rights Cities Alliance links local human rights initiatives "
            "across the country. It belongs to the <b>US Human Rights Network</b> and "
            "takes a <b>people-centered</b> approach: rights are defined and defended by "
            "organized communities, especially those who have been pushed to the "
            "margins.</p>",
        ),
        (
            "paragraph",
            "<p>Our chapters work on what their neighbors name as most urgent:</p>"
            "<ul><li>housing and evictions</li><li>water shutoffs and safe drinking "
            "water</li><li>policing and public safety</li><li>health care and "
            "food</li><li>truth-telling about local history, and healing</li></ul>",
        ),
        (
            "quote",
            {
                "quote": (
                    "We stopped waiting for someone in an office to hand us our rights. "
                    "We started meeting on porches, writing down what we saw, and showing "
                    "up together."
                ),
                "attribution": "A tenant organizer in the Corvale chapter (demo)",
            },
        ),
        ("heading", {"text": "Start a chapter", "level": "h2"}),
        (
            "paragraph",
            "<p>A chapter begins with a small core group of residents who commit to the "
            "<b>Human Rights City Principles</b> and the <b>Jemez Principles for "
            "Democratic Organizing</b>. The Alliance offers learning materials, "
            "connections to other chapters and a site like this one for your own "
            "work.</p>",
        ),
    ],
}

ALLIANCE_PAGES = [
    {
        "title": "About the Alliance",
        "slug": "about",
        "intro": (
            "A national network of local human rights initiatives, led by residents and "
            "grounded in people-centered human rights."
        ),
        "body": [
            ("heading", {"text": "Who we are", "level": "h2"}),
            (
                "paragraph",
                "<p>The Alliance brings together people who are building human rights "
                "cities, counties, rural communities and nations across the United "
                "States. It is a member of the US Human Rights Network and has its own "
                "steering committee.</p>"
                "<p>A place becomes a human rights community through the ongoing work "
                "of its residents, not through a label or a single vote.</p>",
            ),
            ("heading", {"text": "What we believe", "level": "h2"}),
            (
                "paragraph",
                "<p>In 2017 the steering committee approved a draft <b>Statement of "
                "Human Rights City Principles</b> to guide dialogue among local "
                "organizers. Among other things, it holds that:</p>"
                "<ul><li>all human rights are universal and depend on one another;</li>"
                "<li>their meaning is shaped by people in struggle, not by elites;</li>"
                "<li>people from historically oppressed groups lead, and their needs "
                "and voices come first;</li>"
                "<li>truth-telling, reconciliation and healing are part of the work;</li>"
                "<li>human rights learning is the foundation of it all.</li></ul>"
                "<p>Chapters also commit to the <b>Jemez Principles for Democratic "
                "Organizing</b>, and the Alliance supports the <b>Gwangju Guiding "
                "Principles for a Human Rights City</b> as a guide for work with local "
                "government.</p>",
            ),
            ("heading", {"text": "What the Alliance does", "level": "h2"}),
            (
                "paragraph",
                "<p>We connect chapters so they can learn from one another, share "
                "readings and tools for human rights learning, and link local struggles "
                "with the international human rights cities movement. Cooperation "
                "between places, at home and abroad, is part of what makes a human "
                "rights city.</p>",
            ),
        ],
    },
    {
        "title": "What is a human rights city?",
        "slug": "what-is-a-human-rights-city",
        "intro": (
            "Less a declaration than a way of organizing: residents working, year after "
            "year, so that local policy puts people's needs first."
        ),
        "body": [
            (
                "quote",
                {
                    "quote": (
                        "Where, after all, do universal human rights begin? In small "
                        "places, close to home…"
                    ),
                    "attribution": "Eleanor Roosevelt, remarks at the United Nations, 1958",
                },
            ),
            ("heading", {"text": "An organizing model", "level": "h2"}),
            (
                "paragraph",
                "<p>A human rights city can be a city, a county, a rural community, a "
                "reservation or a whole state. What makes it one is a core group of "
                "residents who keep on educating, talking with neighbors and mobilizing, "
                "year after year, so that local institutions serve people's needs. A "
                "council may pass a resolution along the way, and that can help, but the "
                "organizing is what counts.</p>"
                "<p><b>Civil society leads.</b> Some initiatives start with a mayor or a human "
                "rights commission, and good relationships with public bodies such as "
                "human rights, gender equity or racial equity commissions are valuable. "
                "But initiatives last only when residents lead them, and when the "
                "people most affected by injustice are at the center, not consulted "
                "at the end.</p>",
            ),
            ("heading", {"text": "What lasting initiatives have in common", "level": "h2"}),
            (
                "paragraph",
                "<ul><li><b>Organized communities</b> leading a people-centered political "
                "project.</li>"
                "<li><b>Broad alliances</b> that bring together neighborhood groups, "
                "social movements, unions and professional associations.</li>"
                "<li>An identity rooted in <b>the place</b>, not in any one "
                "profession.</li>"
                "<li><b>Ties to other places</b>: other human rights cities, the "
                "national Alliance and the international movement.</li>"
                "<li><b>Engagement with local government</b>, in at least some part of "
                "it.</li>"
                "<li><b>Truth-telling, healing and human rights learning</b> woven "
                "through all of it.</li></ul>",
            ),
        ],
    },
]

PRINCIPLES_PAGE = {
    "title": "Principles",
    "slug": "principles",
    "intro": (
        "The three sets of principles that guide our chapters: the Alliance's own "
        "statement, the Jemez Principles for how we organize, and the Gwangju Guiding "
        "Principles for work with local government."
    ),
}

RESOURCE_LIBRARY_PAGE = {
    "title": "Resource library",
    "slug": "resources",
    "intro": (
        "Readings and statements for study circles, trainings and human rights learning "
        "in your chapter."
    ),
}
