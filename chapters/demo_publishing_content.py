"""Demo stories, events, archive entries and support resources for the four demo chapters.

Plain data only; a loader places it on the chapter sites named by hostname in
chapters/demo_content.py. Everything here is FICTIONAL: the people, the organizations, the
places and the events are invented for demonstration. Narrators are invented too, and some
carry a pseudonym as real narrators often do. The only real service named is the US 988
Suicide & Crisis Lifeline.

Rights are slugs from home.demo_content.RIGHTS; principles are (short title of a principle
set in home.demo_content.PRINCIPLE_SETS, principle number counted from 1).
"""

STORIES = {
    "corvale.localhost": [
        {
            "title": "Council passes right to counsel for tenants facing eviction",
            "slug": "right-to-counsel-passes",
            "date": "2025-06-18",
            "authors": "Corvale housing committee",
            "summary": (
                "After three years of hotline calls, court watching and packed council "
                "meetings, Corvale tenants facing eviction will have a lawyer."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>On Monday night the Corvale city council voted 6 to 3 to guarantee "
                    "a lawyer to every tenant in eviction court whose household earns less "
                    "than twice the poverty line. The ordinance takes effect in January, "
                    "with funding for eight attorneys at the legal aid office.</p>",
                ),
                ("heading", {"text": "How we got here", "level": "h2"}),
                (
                    "paragraph",
                    "<p>This did not start at city hall. It started with our tenants' "
                    "hotline, where volunteers kept hearing the same thing: people went to "
                    "court alone and were out of their homes in ten minutes. So we:</p>"
                    "<ul><li>sat in eviction court every Tuesday for a year and counted "
                    "how many tenants had a lawyer (fewer than one in twenty);</li>"
                    "<li>held know-your-rights trainings in six apartment complexes;</li>"
                    "<li>brought forty-one tenants to speak at council, in their own "
                    "words.</li></ul>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "I told them what it was like to pack my kids' things into "
                            "trash bags. Tonight somebody else won't have to."
                        ),
                        "attribution": "A tenant leader from the Maple Court apartments",
                    },
                ),
                (
                    "paragraph",
                    "<p>Now the work is making sure the ordinance is real. We will keep "
                    "watching court, and we want to hear from anyone who is turned away. "
                    "Call the hotline or come to the housing committee, first Thursday of "
                    "the month.</p>",
                ),
            ],
            "rights": ["housing", "equality-before-the-law", "participation"],
            "principles": [
                ("Alliance Principles", 3),
                ("Jemez Principles", 3),
                ("Gwangju Principles", 10),
            ],
        },
        {
            "title": "What we heard at the Eastside water listening session",
            "slug": "eastside-water-listening-session",
            "date": "2024-09-12",
            "authors": "Dolores Fenwick and the water committee",
            "summary": (
                "Sixty neighbors filled the Eastside rec center to talk about shutoffs, "
                "unaffordable bills and what an income-based water rate would change."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We asked one question to open the evening: <i>What happens in your "
                    "house when the water is shut off?</i> People answered for almost two "
                    "hours. A grandmother described boiling bottled water to bathe her "
                    "grandson. A man who works nights said he showers at the gym so his "
                    "family can use what is left of the bill for cooking.</p>",
                ),
                ("heading", {"text": "Three things people asked for", "level": "h2"}),
                (
                    "paragraph",
                    "<ol><li>No shutoffs for households with children, elders or anyone "
                    "with a medical need.</li>"
                    "<li>A water rate based on what a household earns, not a flat "
                    "charge.</li>"
                    "<li>Notices and hearings in plain language, and in Spanish.</li></ol>",
                ),
                (
                    "paragraph",
                    "<p>We mapped every shutoff story people were willing to share. The "
                    "dots cluster on the same eight blocks where the city's own records "
                    "show the oldest pipes and the lowest incomes. We will take the map, "
                    "and the people who made it, to the utility board this fall.</p>",
                ),
            ],
            "rights": ["water-and-sanitation", "health", "racial-discrimination"],
            "principles": [
                ("Alliance Principles", 4),
                ("Jemez Principles", 2),
                ("Gwangju Principles", 4),
            ],
        },
        {
            "title": "Residents bring policing testimony to the human rights commission",
            "slug": "policing-testimony-to-commission",
            "date": "2026-02-26",
            "authors": "Marcus Oyelaran, public safety working group",
            "summary": (
                "Twelve residents testified before Corvale's human rights commission about "
                "traffic stops and searches, and the commission agreed to a public review."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>For a year our public safety working group has recorded what "
                    "residents tell us about encounters with police. We do not edit their "
                    "words, and nobody testifies unless they choose to. On Thursday twelve "
                    "of them spoke at the human rights commission.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "I am not here because I hate the police. I am here because "
                            "my son is afraid to drive to work."
                        ),
                        "attribution": "A mother from the north side, speaking to the commission",
                    },
                ),
                ("heading", {"text": "What the commission agreed to", "level": "h2"}),
                (
                    "paragraph",
                    "<p>The commissioners voted to request two years of stop and search "
                    "data, broken down by neighborhood and race, and to hold a public "
                    "hearing on it in the spring. We will ask that the hearing be in the "
                    "evening, on the north side, with childcare.</p>"
                    "<p>We know a review is not justice. But it is a door we pushed open "
                    "together, and we intend to walk through it.</p>",
                ),
            ],
            "rights": ["racial-discrimination", "equality-before-the-law", "participation"],
            "principles": [
                ("Alliance Principles", 3),
                ("Jemez Principles", 3),
                ("Gwangju Principles", 2),
            ],
        },
    ],
    "quillan-county.localhost": [
        {
            "title": "Sixty wells tested: what our volunteers found",
            "slug": "sixty-wells-tested",
            "date": "2024-10-08",
            "authors": "Quillan County water group",
            "summary": (
                "Volunteers sampled sixty private wells and springs this summer. One in four "
                "showed bacteria, and families want to know what the water district will do."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Between June and September, eighteen trained volunteers drove the "
                    "back roads of Quillan County with coolers of sample bottles. They "
                    "tested sixty wells and springs, with the permission of every family, "
                    "and sent the samples to the state lab.</p>",
                ),
                ("heading", {"text": "The results", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Fifteen sources showed coliform bacteria.</li>"
                    "<li>Six were high in iron or manganese.</li>"
                    "<li>Most families had never had their water tested at all.</li></ul>"
                    "<p>Every family got their own results first, in person, with a "
                    "volunteer to talk them through it. The public map only shows results "
                    "by hollow, never by house.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "We've been drinking that spring since my daddy's time. I "
                            "needed to know, and now I do."
                        ),
                        "attribution": "A resident of Bitter Creek",
                    },
                ),
                (
                    "paragraph",
                    "<p>Next month we take the map to the water district board and ask for "
                    "a plan to extend lines up the hollows where the county's water "
                    "service still stops.</p>",
                ),
            ],
            "rights": ["water-and-sanitation", "health", "environment"],
            "principles": [
                ("Alliance Principles", 3),
                ("Jemez Principles", 2),
            ],
        },
        {
            "title": "Nurses, churches and the union local sit down together",
            "slug": "clinic-coalition-first-meeting",
            "date": "2025-05-20",
            "authors": "Ruth Ann Caudill",
            "summary": (
                "The first meeting of the clinic coalition brought together people who have "
                "not always been on the same side, around one goal: care close to home."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Thirty-four people came to the Free Will Baptist fellowship hall "
                    "on Saturday: retired nurses, two pastors, members of the miners' "
                    "union local, a volunteer ambulance driver and a lot of folks who "
                    "have simply waited too long for help.</p>",
                ),
                ("heading", {"text": "Starting with how we work", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Before we talked about the clinic, we read the Jemez Principles "
                    "out loud, one person per principle. Then we agreed on some ground "
                    "rules of our own: the people who use the emergency room speak first, "
                    "no group takes credit alone, and decisions wait until everyone has "
                    "been heard.</p>",
                ),
                (
                    "paragraph",
                    "<p>We left with three working groups: one to document how long "
                    "ambulance calls take, one to meet with the regional health system, "
                    "and one to look at how other rural counties won clinics. The next "
                    "meeting is open to anyone who wants to help.</p>",
                ),
            ],
            "rights": ["health", "work", "participation"],
            "principles": [
                ("Jemez Principles", 1),
                ("Jemez Principles", 4),
                ("Jemez Principles", 5),
            ],
        },
        {
            "title": "Telling it ourselves: an evening of oral history",
            "slug": "oral-history-evening",
            "date": "2025-11-15",
            "authors": "Quillan County oral history project",
            "summary": (
                "Elders shared memories of hauling water, the mines and the fights this "
                "county has already won, and young people asked the questions."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The high school library was full on Friday for our first public "
                    "oral history evening. Four elders, each paired with a student "
                    "interviewer, talked about growing up in Quillan County.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "People think we just took what came. We never did. We "
                            "organized on porches and in churches, same as you all do now."
                        ),
                        "attribution": "An elder from the Laurel Fork community",
                    },
                ),
                (
                    "paragraph",
                    "<p>The students recorded each conversation, and every elder decided "
                    "which parts can go in the public archive. Two asked to hear their "
                    "recordings first, and that is how it will be. This is our history; "
                    "the people who lived it get the last word on how it is told.</p>",
                ),
            ],
            "rights": ["work", "education", "minority-cultures"],
            "principles": [
                ("Alliance Principles", 5),
                ("Alliance Principles", 9),
                ("Jemez Principles", 3),
            ],
        },
    ],
    "kestrel-ridge.localhost": [
        {
            "title": "Fluent speakers train a new circle of language teachers",
            "slug": "language-teacher-training",
            "date": "2024-06-21",
            "authors": "Kestrel Ridge language committee",
            "summary": (
                "Nine fluent elders spent two weeks teaching eleven younger members of the "
                "Nation how to run a family language nest."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Our language nests depend on teachers, and until this summer "
                    "almost all of them were elders. This month nine fluent speakers "
                    "trained eleven adult learners to lead nests of their own, using "
                    "materials the elders wrote themselves.</p>",
                ),
                (
                    "paragraph",
                    "<p>The training was held entirely in our language after the first "
                    "morning. Learners practiced songs, counting games and the words for "
                    "everyday work in the kitchen and the garden. In the afternoons the "
                    "elders told stories, and the learners listened.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "Our language was never lost. It was waiting for us to come home to it."
                        ),
                        "attribution": "One of the elder teachers",
                    },
                ),
                (
                    "paragraph",
                    "<p>Two new nests open this fall. Families who want a place for their "
                    "little ones can speak with the language committee at the community "
                    "center.</p>",
                ),
            ],
            "rights": ["minority-cultures", "self-determination", "education"],
            "principles": [
                ("Alliance Principles", 7),
                ("Alliance Principles", 9),
                ("Jemez Principles", 2),
            ],
        },
        {
            "title": "River watch: our first year of monitoring the water",
            "slug": "river-watch-first-year",
            "date": "2025-09-30",
            "authors": "River watch volunteers",
            "summary": (
                "Members of the Nation took monthly samples at seven points on the river "
                "and gave the results to the Nation's environmental office."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>A year ago we started walking the river once a month to take "
                    "samples and write down what we saw. Twenty-three members of the "
                    "Nation have taken part, from teenagers to a retired rancher who "
                    "knows every bend.</p>",
                ),
                ("heading", {"text": "Why we do it ourselves", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Outside agencies have studied our river before and taken the "
                    "results away with them. This time the data belongs to the Nation. "
                    "Our volunteers hand it to the Nation's own environmental office, "
                    "which decides how it is used, including when companies upstream "
                    "apply for permits.</p>",
                ),
                (
                    "paragraph",
                    "<p>So far the water at most points is within safe limits, but "
                    "nitrate levels rise every spring below the feedlots. We will keep "
                    "watching, and the youth volunteers are planning a second year with "
                    "more sampling points on the creeks.</p>",
                ),
            ],
            "rights": ["indigenous-peoples", "environment", "water-and-sanitation"],
            "principles": [
                ("Alliance Principles", 3),
                ("Alliance Principles", 7),
                ("Gwangju Principles", 5),
            ],
        },
        {
            "title": "A gathering for survivors, families and healing",
            "slug": "healing-gathering",
            "date": "2026-04-18",
            "authors": "Kestrel Ridge truth-telling circle",
            "summary": (
                "Boarding school survivors and their relatives led a day of ceremony, "
                "shared meals and testimony, on their own terms."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Survivors of the boarding schools asked for this gathering, and "
                    "survivors planned it. About a hundred people came to the community "
                    "center: survivors, their children and grandchildren, and relatives "
                    "who had never heard these stories before.</p>",
                ),
                (
                    "paragraph",
                    "<p>The day opened in ceremony. Those who wished to speak did so in a "
                    "circle, in our language or in English. Nothing was recorded without "
                    "the speaker's permission, and counselors from the Nation's health "
                    "program stayed through the day for anyone who needed them.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "They tried to make us forget who we are. Look around this "
                            "room. They did not succeed."
                        ),
                        "attribution": "A survivor, closing the circle",
                    },
                ),
                (
                    "paragraph",
                    "<p>The testimonies that families chose to keep will stay in the "
                    "Nation's archive, under the care of the families and the Nation. "
                    "The truth-telling circle meets again in the fall.</p>",
                ),
            ],
            "rights": ["self-determination", "minority-cultures", "health"],
            "principles": [
                ("Alliance Principles", 5),
                ("Alliance Principles", 7),
                ("Jemez Principles", 3),
            ],
        },
    ],
    "tillory-valley.localhost": [
        {
            "title": "Listening in the laundromat: our first round of sessions",
            "slug": "first-listening-sessions",
            "date": "2024-07-25",
            "authors": "Tillory Valley listening team",
            "summary": (
                "We held nine listening sessions in five towns. Housing, heat and smoke, "
                "and language access came up again and again."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We did not want people to come to us, so we went to them: the "
                    "laundromat in Alder Flats on a Sunday, the break room of a packing "
                    "house at lunch, a church hall after Mass. We asked what makes life "
                    "hard in the valley and what would make it better.</p>",
                ),
                ("heading", {"text": "What we heard", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li><b>Housing:</b> families of eight in trailers built for two, "
                    "and rents that eat half a paycheck.</li>"
                    "<li><b>Heat and smoke:</b> picking through wildfire smoke with no "
                    "masks and no shade.</li>"
                    "<li><b>Language:</b> county forms and clinic calls only in English, "
                    "when many people here speak Spanish or Mixteco.</li></ul>",
                ),
                (
                    "paragraph",
                    "<p>We have not chosen a campaign yet, and we will not choose it "
                    "alone. In the fall we will bring back what we heard to the same "
                    "places and ask people which fight to take on first.</p>",
                ),
            ],
            "rights": ["housing", "work", "health", "minority-cultures"],
            "principles": [
                ("Jemez Principles", 1),
                ("Jemez Principles", 2),
                ("Alliance Principles", 4),
            ],
        },
        {
            "title": "Heat and smoke: crew leaders train each other",
            "slug": "heat-and-smoke-training",
            "date": "2025-06-14",
            "authors": "Esperanza Villalobos",
            "summary": (
                "Twenty crew leaders learned the state's heat and smoke rules, and how to "
                "speak up together when a field is not safe."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Last summer two workers in the valley were taken to the hospital "
                    "with heat illness. This year crew leaders asked us for a training "
                    "before the harvest, not after.</p>",
                ),
                (
                    "paragraph",
                    "<p>A farmworker who has organized in the valley for twenty years led "
                    "the session in Spanish, with Mixteco interpretation. We went through "
                    "the rules on shade, water, rest breaks and smoke masks, and then "
                    "practiced what to say to a supervisor, in pairs, until it felt "
                    "natural.</p>",
                ),
                (
                    "quote",
                    {
                        "quote": (
                            "Alone, they can ignore you. When the whole crew stops for "
                            "water together, they listen."
                        ),
                        "attribution": "A crew leader from the east end of the valley",
                    },
                ),
            ],
            "rights": ["work", "health", "environment"],
            "principles": [
                ("Alliance Principles", 9),
                ("Jemez Principles", 3),
                ("Gwangju Principles", 9),
            ],
        },
        {
            "title": "Five towns, one table: our first valley-wide coalition meeting",
            "slug": "valley-coalition-meeting",
            "date": "2026-01-31",
            "authors": "Tillory Valley Human Rights Network",
            "summary": (
                "Groups from all five towns met for the first time to decide how the "
                "network will make decisions and what it will take on first."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Forty people from five towns met in the Riverbend grange hall: a "
                    "tenants' group, two churches, a farmworker union committee, a school "
                    "parents' group and the valley's food bank.</p>",
                ),
                ("heading", {"text": "What we decided", "level": "h2"}),
                (
                    "paragraph",
                    "<ol><li>Each town sends two delegates, and at least one must be a "
                    "farmworker or a tenant.</li>"
                    "<li>Every meeting runs in Spanish and English, with Mixteco "
                    "interpretation.</li>"
                    "<li>Our first campaign is farmworker housing, chosen by the people "
                    "who came to the listening sessions.</li></ol>",
                ),
                (
                    "paragraph",
                    "<p>We also voted to keep learning from the older chapters. Organizers "
                    'from <a href="https://example.org/corvale">Corvale</a> will join '
                    "our next meeting to talk about how they built their tenants' "
                    "hotline.</p>",
                ),
            ],
            "rights": ["participation", "housing", "minority-cultures"],
            "principles": [
                ("Jemez Principles", 4),
                ("Jemez Principles", 5),
                ("Gwangju Principles", 3),
            ],
        },
    ],
}

EVENTS = {
    "corvale.localhost": [
        {
            "title": "Know your rights: tenant training",
            "slug": "tenant-know-your-rights-training",
            "days_from_today": -18,
            "start_time": "18:00",
            "duration_minutes": 120,
            "all_day_days": 0,
            "time_zone": "America/New_York",
            "venue": "Eastside Branch Library, community room",
            "address": "410 Garfield Avenue, Corvale, OH",
            "online_url": "",
            "registration_url": "https://example.org/corvale/tenant-training",
            "cost": "Free",
            "languages": "English, Spanish",
            "accessibility": ["asl", "captioning", "step_free", "childcare"],
            "accessibility_notes": (
                "ASL interpreters and live captioning throughout. The community room is on "
                "the ground floor with step-free access from the Garfield Avenue entrance "
                "and an accessible restroom next door. Free childcare for ages 2 to 12 in "
                "the children's room; please tell us how many children when you register. "
                "Dinner provided, with vegetarian and halal options."
            ),
            "organizer": "Corvale housing committee",
            "summary": (
                "What to do when you get an eviction notice, how to ask for repairs in "
                "writing, and how the new right to counsel works."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Led by tenants who have been through eviction court and a legal aid "
                    "attorney. Bring your lease and any notices if you have questions "
                    "about your own situation.</p>",
                ),
            ],
            "rights": ["housing", "equality-before-the-law"],
            "spans_dst_change": False,
        },
        {
            "title": "Study circle: what is people-centered human rights?",
            "slug": "study-circle-people-centered",
            "days_from_today": 6,
            "start_time": "19:00",
            "duration_minutes": 75,
            "all_day_days": 0,
            "time_zone": "America/New_York",
            "venue": "",
            "address": "",
            "online_url": "https://meet.example.org/corvale-study-circle",
            "registration_url": "",
            "cost": "Free",
            "languages": "English",
            "accessibility": ["captioning"],
            "accessibility_notes": "Automatic captions on; the reading is sent ahead as text.",
            "organizer": "Corvale Human Rights City",
            "summary": (
                "An online study circle on Ajamu Baraka's essay The Human Rights Project "
                "and what it means for our campaigns."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Read the essay beforehand if you can, but come either way. We "
                    "will talk about who gets to define human rights, and how the answer "
                    "shapes our work on housing, water and policing.</p>",
                ),
            ],
            "rights": ["participation", "education"],
            "spans_dst_change": False,
        },
        {
            "title": "Water affordability hearing: fill the room",
            "slug": "water-affordability-hearing",
            "days_from_today": 15,
            "start_time": "17:30",
            "duration_minutes": 150,
            "all_day_days": 0,
            "time_zone": "America/New_York",
            "venue": "Corvale Public Utilities board room",
            "address": "200 Front Street, Corvale, OH",
            "online_url": "https://meet.example.org/corvale-utility-board",
            "registration_url": "",
            "cost": "Free",
            "languages": "English, Spanish",
            "accessibility": ["step_free", "interpretation"],
            "accessibility_notes": (
                "Ramp at the side entrance on Water Street. Spanish interpretation by our "
                "volunteers; the board has not agreed to provide it."
            ),
            "organizer": "Corvale water committee",
            "summary": (
                "The utility board votes on next year's rates. Come tell them why Corvale "
                "needs an income-based water rate and an end to shutoffs."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Meet us on the steps at 5:00 for signs and a short briefing. If "
                    "you want to speak, sign up at the door by 5:20; we will help you "
                    "prepare two minutes.</p>",
                ),
            ],
            "rights": ["water-and-sanitation", "health"],
            "spans_dst_change": False,
        },
        {
            "title": "Eastside block party and member sign-up",
            "slug": "eastside-block-party",
            "days_from_today": -75,
            "start_time": "12:00",
            "duration_minutes": 240,
            "all_day_days": 0,
            "time_zone": "America/New_York",
            "venue": "Lincoln Park pavilion",
            "address": "Lincoln Park, 1500 E. 9th Street, Corvale, OH",
            "online_url": "",
            "registration_url": "",
            "cost": "Free",
            "languages": "English, Spanish",
            "accessibility": ["step_free"],
            "accessibility_notes": "Paved path to the pavilion; seating in the shade.",
            "organizer": "Corvale Human Rights City",
            "summary": "Food, music, a water-bill clinic and a chance to join a committee.",
            "body": [
                (
                    "paragraph",
                    "<p>Bring your neighbors and your latest water bill. Volunteers will "
                    "help you apply for the utility's hardship program on the spot.</p>",
                ),
            ],
            "rights": ["water-and-sanitation", "participation"],
            "spans_dst_change": False,
        },
    ],
    "quillan-county.localhost": [
        {
            "title": "Well water sampling training",
            "slug": "well-sampling-training",
            "days_from_today": -40,
            "start_time": "10:00",
            "duration_minutes": 180,
            "all_day_days": 0,
            "time_zone": "America/New_York",
            "venue": "Laurel Fork Community Center",
            "address": "88 Laurel Fork Road, Quillan County, KY",
            "online_url": "",
            "registration_url": "https://example.org/quillan/sampling-training",
            "cost": "Free",
            "languages": "English",
            "accessibility": ["step_free"],
            "accessibility_notes": (
                "Ground-floor hall with a ramp. The field practice part is on gravel; "
                "let us know if you need a ride to the sampling site."
            ),
            "organizer": "Quillan County water group",
            "summary": (
                "Learn to take a clean water sample, fill in the chain-of-custody form and "
                "explain results to a family."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Morning in the hall, then practice at a spring down the road. "
                    "Lunch is on us. Everyone who finishes gets a sampling kit.</p>",
                ),
            ],
            "rights": ["water-and-sanitation", "health"],
            "spans_dst_change": False,
        },
        {
            "title": "Clinic coalition meeting",
            "slug": "clinic-coalition-meeting",
            "days_from_today": 10,
            "start_time": "18:30",
            "duration_minutes": 120,
            "all_day_days": 0,
            "time_zone": "America/New_York",
            "venue": "Free Will Baptist fellowship hall",
            "address": "12 Church Street, Harlow, KY",
            "online_url": "",
            "registration_url": "",
            "cost": "Free",
            "languages": "English",
            "accessibility": ["step_free", "childcare"],
            "accessibility_notes": (
                "Step-free entrance at the back of the church. Childcare in the nursery "
                "with two background-checked volunteers."
            ),
            "organizer": "Quillan County clinic coalition",
            "summary": (
                "Working groups report on ambulance response times and our talks with the "
                "regional health system."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Supper at 6:00. Anyone who has waited on an ambulance or driven "
                    "an hour to the ER is especially welcome to come and speak.</p>",
                ),
            ],
            "rights": ["health", "participation"],
            "spans_dst_change": False,
        },
        {
            "title": "Spring organizers' retreat at Laurel Fork",
            "slug": "spring-organizers-retreat",
            "days_from_today": 0,
            "start_time": None,
            "duration_minutes": 0,
            "all_day_days": 3,
            "time_zone": "America/New_York",
            "venue": "Laurel Fork Camp",
            "address": "Laurel Fork Camp, 3 Camp Road, Quillan County, KY",
            "online_url": "",
            "registration_url": "https://example.org/quillan/retreat",
            "cost": "Sliding scale, $0–40 (meals and bunks included)",
            "languages": "English",
            "accessibility": ["step_free", "childcare", "quiet_room"],
            "accessibility_notes": (
                "The main lodge and two cabins are step-free. A quiet room is open all "
                "weekend. Childcare during sessions; tell us ages when you register."
            ),
            "organizer": "Quillan County Human Rights Initiative",
            "summary": (
                "A weekend to rest, plan the year's campaigns and study the principles "
                "together, from Friday to Sunday."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Friday evening: supper and stories. Saturday: planning the water "
                    "and clinic campaigns. Sunday: what we learned this year and what we "
                    "will do differently.</p>",
                ),
                (
                    "paragraph",
                    "<p>Nobody will be turned away for lack of money. Bring a sleeping "
                    "bag if you have one.</p>",
                ),
            ],
            "rights": ["participation", "education"],
            "spans_dst_change": True,
        },
    ],
    "kestrel-ridge.localhost": [
        {
            "title": "Community meeting: housing survey results",
            "slug": "housing-survey-results",
            "days_from_today": -26,
            "start_time": "18:00",
            "duration_minutes": 120,
            "all_day_days": 0,
            "time_zone": "America/Denver",
            "venue": "Kestrel Ridge Community Center",
            "address": "Community Center, Main Road, Kestrel Ridge",
            "online_url": "",
            "registration_url": "",
            "cost": "Free",
            "languages": "English, and our language",
            "accessibility": ["step_free", "childcare"],
            "accessibility_notes": "Step-free entrance; children welcome, with activities.",
            "organizer": "Kestrel Ridge housing and health group",
            "summary": (
                "The volunteers who visited three hundred homes share what they found "
                "about crowding and repairs, and ask what should come next."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>A meal will be served. The results belong to the Nation and will "
                    "be shared with the Nation's housing authority after this meeting.</p>",
                ),
            ],
            "rights": ["housing", "self-determination"],
            "spans_dst_change": False,
        },
        {
            "title": "River day: walk, sample and share a meal",
            "slug": "river-day",
            "days_from_today": 24,
            "start_time": None,
            "duration_minutes": 0,
            "all_day_days": 1,
            "time_zone": "America/Denver",
            "venue": "Lower river crossing",
            "address": "Meet at the Community Center parking lot for rides",
            "online_url": "",
            "registration_url": "",
            "cost": "Free",
            "languages": "English, and our language",
            "accessibility": [],
            "accessibility_notes": (
                "The riverbank trail is uneven. Elders and anyone who prefers can stay at "
                "the shelter by the crossing, where the meal is served."
            ),
            "organizer": "River watch volunteers",
            "summary": (
                "A day at the river for all ages: winter sampling, stories from elders "
                "about the water, and a meal together."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Dress warmly. Youth volunteers will show younger children how "
                    "the sampling works.</p>",
                ),
            ],
            "rights": ["indigenous-peoples", "environment", "water-and-sanitation"],
            "spans_dst_change": False,
        },
        {
            "title": "Adult language class: winter session opens",
            "slug": "adult-language-class-winter",
            "days_from_today": 45,
            "start_time": "18:30",
            "duration_minutes": 90,
            "all_day_days": 0,
            "time_zone": "America/Denver",
            "venue": "Language house",
            "address": "Language house, next to the school, Kestrel Ridge",
            "online_url": "",
            "registration_url": "https://example.org/kestrel-ridge/language-class",
            "cost": "Free",
            "languages": "Our language, with English support",
            "accessibility": ["step_free", "quiet_room"],
            "accessibility_notes": "Step-free entrance; a quiet room is open for breaks.",
            "organizer": "Kestrel Ridge language committee",
            "summary": (
                "Beginner and returning learners welcome. Taught by fluent speakers, every "
                "Tuesday through the winter."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Open to members of the Nation and their families. Bring a "
                    "notebook; the teachers bring the rest.</p>",
                ),
            ],
            "rights": ["minority-cultures", "education"],
            "spans_dst_change": False,
        },
    ],
    "tillory-valley.localhost": [
        {
            "title": "Listening session in Alder Flats",
            "slug": "listening-session-alder-flats",
            "days_from_today": -12,
            "start_time": "14:00",
            "duration_minutes": 120,
            "all_day_days": 0,
            "time_zone": "America/Los_Angeles",
            "venue": "Suds & Spin laundromat",
            "address": "301 Orchard Street, Alder Flats, WA",
            "online_url": "",
            "registration_url": "",
            "cost": "Free",
            "languages": "Spanish, Mixteco, English",
            "accessibility": ["step_free", "interpretation", "childcare"],
            "accessibility_notes": (
                "Mixteco and English interpretation. Step-free entrance. Volunteers will "
                "watch children and fold laundry while you talk."
            ),
            "organizer": "Tillory Valley listening team",
            "summary": (
                "Come do your laundry and tell us what would make life in the valley "
                "better. Coffee and pan dulce."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>No sign-up needed. Drop in for five minutes or stay the whole "
                    "afternoon.</p>",
                ),
            ],
            "rights": ["housing", "work", "minority-cultures"],
            "spans_dst_change": False,
        },
        {
            "title": "Online study circle: the Jemez Principles",
            "slug": "online-study-circle-jemez",
            "days_from_today": 8,
            "start_time": "19:30",
            "duration_minutes": 60,
            "all_day_days": 0,
            "time_zone": "America/Los_Angeles",
            "venue": "",
            "address": "",
            "online_url": "https://meet.example.org/tillory-jemez",
            "registration_url": "https://example.org/tillory/study-circle",
            "cost": "Free",
            "languages": "Spanish, English",
            "accessibility": ["captioning", "interpretation"],
            "accessibility_notes": (
                "Simultaneous Spanish-English interpretation; join by phone if your "
                "internet is slow (the number is sent when you register)."
            ),
            "organizer": "Tillory Valley Human Rights Network",
            "summary": (
                "Before we start our first campaign, we read the six Jemez Principles "
                "together and talk about how we want to work."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>One principle each week for six weeks. This first session covers "
                    "<b>Be inclusive</b>.</p>",
                ),
            ],
            "rights": ["participation", "education"],
            "spans_dst_change": False,
        },
        {
            "title": "Farmworker housing: town hall",
            "slug": "farmworker-housing-town-hall",
            "days_from_today": 30,
            "start_time": "17:00",
            "duration_minutes": 120,
            "all_day_days": 0,
            "time_zone": "America/Los_Angeles",
            "venue": "Riverbend Grange Hall",
            "address": "45 Grange Road, Riverbend, WA",
            "online_url": "",
            "registration_url": "",
            "cost": "Free",
            "languages": "Spanish, Mixteco, English",
            "accessibility": ["step_free", "interpretation", "childcare"],
            "accessibility_notes": (
                "Interpretation in Mixteco and English. Ramp at the main door. Childcare "
                "and a hot meal provided."
            ),
            "organizer": "Tillory Valley Human Rights Network",
            "summary": (
                "Workers and families tell county commissioners what housing in the camps "
                "is really like, and what needs to change."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>We have invited all three county commissioners. Whether or not "
                    "they come, we will write down what is said and deliver it to their "
                    "offices.</p>",
                ),
            ],
            "rights": ["housing", "health", "participation"],
            "spans_dst_change": False,
        },
    ],
}

ARCHIVE = {
    "corvale.localhost": [
        {
            "title": "The winter we lost the apartment",
            "slug": "winter-we-lost-the-apartment",
            "kind": "testimony",
            "period_start": 2015,
            "period_end": 2016,
            "place": "East side, Corvale",
            "narrators": "Renée M.",
            "narrator_is_pseudonym": True,
            "summary": (
                "A mother remembers being evicted with her two children in the winter that "
                "led to the founding of the Corvale chapter."
            ),
            "transcript": (
                "<p>The notice came the week before Christmas. I had been short on rent "
                "twice because my hours got cut, and I thought if I paid most of it they "
                "would work with me. They did not.</p>"
                "<p>I went to court by myself. I did not know I could ask for more time, "
                "or that the heat being off for a month might matter. It was over before "
                "I understood what was happening.</p>"
                "<p>We stayed with my sister, five of us in two rooms, until spring. My "
                "son changed schools twice that year. He still does not like to talk "
                "about it.</p>"
                "<p>A neighbor told me about a meeting in the church basement. I went "
                "because I was angry. I kept going because, for the first time, people "
                "were asking me what should change instead of telling me what I did "
                "wrong.</p>"
            ),
            "media_url": "",
            "content_warning": "Eviction and the loss of a family home; stress on children.",
            "rights": ["housing", "education"],
            "principles": [("Alliance Principles", 5), ("Jemez Principles", 3)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "City council human rights city resolution, 2019",
            "slug": "council-resolution-2019",
            "kind": "document",
            "period_start": 2019,
            "period_end": None,
            "place": "Corvale City Hall",
            "narrators": "",
            "narrator_is_pseudonym": False,
            "summary": (
                "The resolution in which the Corvale city council recognized the city as a "
                "human rights city and asked the human rights commission to report yearly."
            ),
            "transcript": (
                "<p>The resolution commits the city to consider human rights in its "
                "budget and asks the human rights commission to hold a yearly public "
                "hearing. Chapter members drafted the first version; council changed the "
                "wording of the reporting clause before the vote.</p>"
            ),
            "media_url": "",
            "content_warning": "",
            "rights": ["participation"],
            "principles": [("Gwangju Principles", 6), ("Gwangju Principles", 4)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "Pending: testimony on a traffic stop on Ridgeline Avenue",
            "slug": "pending-ridgeline-traffic-stop",
            "kind": "testimony",
            "period_start": 2025,
            "period_end": None,
            "place": "North side, Corvale",
            "narrators": "T.J.",
            "narrator_is_pseudonym": True,
            "summary": (
                "A young man's account of a traffic stop, recorded by the public safety "
                "working group. The narrator has not yet reviewed the transcript."
            ),
            "transcript": (
                "<p>I was driving home from my shift. They said my taillight was out. "
                "It was not.</p>"
                "<p>They had me get out and sit on the curb while they searched the car. "
                "I kept my hands where they could see them, like my mother taught me. "
                "After forty minutes they let me go with no ticket.</p>"
            ),
            "media_url": "",
            "content_warning": "Police stop and search.",
            "rights": ["racial-discrimination", "equality-before-the-law"],
            "principles": [("Alliance Principles", 3)],
            "consent_status": "pending",
            "consent_scope": "public",
        },
    ],
    "quillan-county.localhost": [
        {
            "title": "Hauling water up Bitter Creek",
            "slug": "hauling-water-bitter-creek",
            "kind": "oral_history",
            "period_start": 1958,
            "period_end": 1975,
            "place": "Bitter Creek hollow, Quillan County",
            "narrators": "Opal Hensley, interviewed by Kayla Brock",
            "narrator_is_pseudonym": False,
            "summary": (
                "An elder recalls carrying water from the spring as a girl, and the "
                "petition that brought the first water line partway up the hollow."
            ),
            "transcript": (
                "<p>Every morning before school my brother and I carried two buckets each "
                "from the spring. In winter you had to break the ice first. Mama washed "
                "on Mondays, so Sunday night we carried extra.</p>"
                "<p>When the water line came to the mouth of the hollow, folks thought it "
                "would come on up. It stopped at the church. The people who decided that "
                "did not live here.</p>"
                "<p>So the women got up a petition. We went house to house, and I "
                "remember Mrs. Slone walking it all the way to the courthouse. It took "
                "them six more years, but they ran the line another two miles.</p>"
                "<p>That is what I tell the young ones doing the water testing now. "
                "Nobody gave us that line. We asked, and then we kept asking.</p>"
            ),
            "media_url": "",
            "content_warning": "",
            "rights": ["water-and-sanitation", "participation"],
            "principles": [("Alliance Principles", 2), ("Alliance Principles", 5)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "The county hospital closes",
            "slug": "county-hospital-closes",
            "kind": "timeline_event",
            "period_start": 2021,
            "period_end": None,
            "place": "Harlow, Quillan County",
            "narrators": "",
            "narrator_is_pseudonym": False,
            "summary": (
                "The Quillan County hospital closed its doors, leaving the nearest "
                "emergency room more than an hour's drive away for most residents."
            ),
            "transcript": "",
            "media_url": "",
            "content_warning": "",
            "rights": ["health"],
            "principles": [("Gwangju Principles", 1)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "Pending: a retired miner remembers the long strike",
            "slug": "pending-retired-miner-strike",
            "kind": "oral_history",
            "period_start": 1977,
            "period_end": 1978,
            "place": "Quillan County",
            "narrators": "Earl Whitt",
            "narrator_is_pseudonym": False,
            "summary": (
                "Recorded at the oral history evening. The narrator asked to hear the "
                "recording before deciding what can be shared."
            ),
            "transcript": (
                "<p>We were out a hundred and ten days. The churches fed us, and the "
                "women ran the kitchen at the union hall.</p>"
                "<p>I learned more about my neighbors that winter than in all the years "
                "before.</p>"
            ),
            "media_url": "",
            "content_warning": "",
            "rights": ["work"],
            "principles": [("Jemez Principles", 4)],
            "consent_status": "pending",
            "consent_scope": "public",
        },
    ],
    "kestrel-ridge.localhost": [
        {
            "title": "What we carry: a survivor's testimony",
            "slug": "what-we-carry",
            "kind": "testimony",
            "period_start": 1962,
            "period_end": 1970,
            "place": "Kestrel Ridge Nation",
            "narrators": "An elder of the Nation, who asked to be called M.",
            "narrator_is_pseudonym": True,
            "summary": (
                "An elder speaks about being sent away to boarding school as a child and "
                "about coming home to the language. Recorded by members of the Nation's "
                "truth-telling circle and held in the Nation's archive; the elder chose "
                "to share this part publicly."
            ),
            "transcript": (
                "<p>I was seven when they took us on the bus. My grandmother stood by the "
                "road. I did not see her again for almost a year.</p>"
                "<p>At the school we were not allowed to speak our language. I will not "
                "say more about that here. Those who were there know, and those who were "
                "not do not need the details to understand what it cost.</p>"
                "<p>When I came home I had to learn my own language again, from my "
                "grandmother, in her kitchen. She never made me feel ashamed for "
                "forgetting.</p>"
                "<p>I am telling this now so that my grandchildren know why some of us "
                "were quiet for so long, and so they know that we came through it. The "
                "language nests are the answer to those schools.</p>"
            ),
            "media_url": "",
            "content_warning": (
                "Boarding schools and the separation of children from their families. "
                "No graphic detail."
            ),
            "rights": ["self-determination", "minority-cultures", "education"],
            "principles": [("Alliance Principles", 5), ("Alliance Principles", 7)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "Opening day of the first language nest",
            "slug": "first-language-nest-opening",
            "kind": "photograph",
            "period_start": 2019,
            "period_end": None,
            "place": "Language house, Kestrel Ridge",
            "narrators": "",
            "narrator_is_pseudonym": False,
            "summary": (
                "Elders, parents and six small children on the steps of the language house "
                "on the morning the first nest opened. Families agreed to its sharing."
            ),
            "transcript": "",
            "media_url": "",
            "content_warning": "",
            "rights": ["minority-cultures", "education"],
            "principles": [("Alliance Principles", 7)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "Pending: family recollections of the old river crossing",
            "slug": "pending-old-river-crossing",
            "kind": "oral_history",
            "period_start": 1940,
            "period_end": 1965,
            "place": "Lower river, Kestrel Ridge Nation",
            "narrators": "Members of one family, names held by the family",
            "narrator_is_pseudonym": True,
            "summary": (
                "Memories of the river crossing before the dam changed the water. The "
                "family is still deciding what may be shared and with whom."
            ),
            "transcript": (
                "<p>The river was wider then. In summer the children swam at the "
                "crossing, and the old people fished there in the evening.</p>"
            ),
            "media_url": "",
            "content_warning": "",
            "rights": ["indigenous-peoples", "environment"],
            "principles": [("Alliance Principles", 7)],
            "consent_status": "pending",
            "consent_scope": "public",
        },
    ],
    "tillory-valley.localhost": [
        {
            "title": "Thirty harvests: a packing-house worker remembers",
            "slug": "thirty-harvests",
            "kind": "oral_history",
            "period_start": 1994,
            "period_end": 2024,
            "place": "Alder Flats and Riverbend",
            "narrators": "Doña Lupe",
            "narrator_is_pseudonym": True,
            "summary": (
                "A woman who has worked the valley's orchards and packing houses for "
                "thirty years talks about work, family and what has and has not changed. "
                "Recorded in Spanish; the English here is a volunteer translation."
            ),
            "transcript": (
                "<p>I came to the valley with my husband for one season. That was thirty "
                "harvests ago. My children grew up here, and now my grandchildren "
                "too.</p>"
                "<p>In the orchards, the heat was the hardest. Nobody talked about smoke "
                "then. Now every August the sky turns orange and we still go to work, "
                "because the fruit does not wait.</p>"
                "<p>In the packing house it is cold instead, and fast. The line never "
                "stops. But there we had each other. We covered for the women who were "
                "pregnant, and we taught the new ones how to keep up.</p>"
                "<p>What I want is simple: a house where my family fits, and that my "
                "grandchildren can go to the clinic and be understood in their own "
                "language.</p>"
            ),
            "media_url": "",
            "content_warning": "",
            "rights": ["work", "housing", "health", "minority-cultures"],
            "principles": [("Jemez Principles", 3), ("Alliance Principles", 4)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "Mural design: the hands of the valley",
            "slug": "mural-design-hands-of-the-valley",
            "kind": "artwork",
            "period_start": 2024,
            "period_end": None,
            "place": "Suds & Spin laundromat, Alder Flats",
            "narrators": "Youth art group of Alder Flats",
            "narrator_is_pseudonym": False,
            "summary": (
                "A mural design drawn by teenagers from the listening sessions: hands "
                "picking fruit, folding laundry, holding a child and raising a question."
            ),
            "transcript": "",
            "media_url": "",
            "content_warning": "",
            "rights": ["work", "minority-cultures"],
            "principles": [("Gwangju Principles", 3)],
            "consent_status": "given",
            "consent_scope": "public",
        },
        {
            "title": "Pending: testimony on conditions at a grower's housing camp",
            "slug": "pending-growers-camp-testimony",
            "kind": "testimony",
            "period_start": 2025,
            "period_end": None,
            "place": "Tillory Valley",
            "narrators": "A farmworker (name withheld)",
            "narrator_is_pseudonym": True,
            "summary": (
                "A worker describes crowding and broken plumbing in employer-provided "
                "housing. Consent is pending while the narrator weighs the risk of "
                "retaliation."
            ),
            "transcript": (
                "<p>Twelve of us share one bathroom. When it breaks, we wait a week, "
                "sometimes two.</p>"
            ),
            "media_url": "",
            "content_warning": "",
            "rights": ["housing", "work", "water-and-sanitation"],
            "principles": [("Jemez Principles", 3)],
            "consent_status": "pending",
            "consent_scope": "public",
        },
    ],
}

SUPPORT_RESOURCES = {
    "corvale.localhost": (
        "<p>If something you read here brings up hard memories, you do not have to carry "
        "it alone.</p>"
        "<ul><li><b>988 Suicide &amp; Crisis Lifeline:</b> call or text 988, any time, "
        "free and confidential.</li>"
        '<li><a href="https://example.org/corvale/tenant-hotline">Corvale Tenants\' '
        "Hotline</a>: talk with a volunteer about an eviction or housing problem.</li>"
        '<li><a href="https://example.org/corvale/eastside-counseling">Eastside '
        "Community Counseling</a>: walk-in hours on weekdays, sliding-scale fees.</li>"
        "</ul>"
    ),
    "quillan-county.localhost": (
        "<p>Reading about hard times can stir things up. Help is nearby.</p>"
        "<ul><li><b>988 Suicide &amp; Crisis Lifeline:</b> call or text 988, any time, "
        "free and confidential.</li>"
        '<li><a href="https://example.org/quillan/mountain-family-services">Mountain '
        "Family Services</a>: counselors who will talk by phone or come to you.</li>"
        '<li><a href="https://example.org/quillan/laurel-fork-center">Laurel Fork '
        "Community Center</a>: a peer support group meets Wednesday evenings.</li>"
        "</ul>"
    ),
    "kestrel-ridge.localhost": (
        "<p>These stories are heavy. Take care of yourself and reach out if you need "
        "to.</p>"
        "<ul><li><b>988 Suicide &amp; Crisis Lifeline:</b> call or text 988, any time, "
        "free and confidential.</li>"
        '<li><a href="https://example.org/kestrel-ridge/wellness">Kestrel Ridge '
        "Wellness Program</a>: the Nation's counselors, with traditional healers "
        "available on request.</li>"
        '<li><a href="https://example.org/kestrel-ridge/survivors-circle">Survivors\' and '
        "Families' Circle</a>: meets monthly at the community center, led by "
        "survivors.</li></ul>"
    ),
    "tillory-valley.localhost": (
        "<p>Si algo de lo que leyó le afecta, busque apoyo. If something here affects "
        "you, reach out.</p>"
        "<ul><li><b>988 Suicide &amp; Crisis Lifeline:</b> call or text 988, any time, "
        "free and confidential; Spanish available.</li>"
        '<li><a href="https://example.org/tillory/valley-family-clinic">Valley Family '
        "Clinic</a>: counseling in Spanish and English, with Mixteco "
        "interpretation.</li>"
        '<li><a href="https://example.org/tillory/promotoras">Promotoras del Valle</a>: '
        "community health workers who can connect you with help.</li></ul>"
    ),
}
