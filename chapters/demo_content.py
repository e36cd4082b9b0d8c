"""Demo chapters for the network; plain data only, loaded by chapters/demo.py.

Every chapter below is FICTIONAL: the places, the nation, the people, the events and the
contact addresses are invented for demonstration and do not describe any real community,
tribal nation or organization.
"""

CHAPTERS = [
    {
        "name": "Corvale Human Rights City",
        "hostname": "corvale.localhost",
        "state": "OH",
        "time_zone": "America/New_York",
        "region": "Ohio",
        "locality_type": "city",
        "status": "declared",
        "founded_year": 2016,
        "intro": (
            "Tenants, parents, faith groups and unions in Corvale organizing so that "
            "housing, water and public safety work for the people who live here."
        ),
        "body": [
            ("heading", {"text": "What we work on", "level": "h2"}),
            (
                "paragraph",
                "<p>We started in a church basement after a winter of evictions on the "
                "east side. Since then our work has grown into three campaigns:</p>"
                "<ul><li><b>Housing:</b> a tenants' hotline, know-your-rights trainings "
                "and a push for a right to counsel in eviction court.</li>"
                "<li><b>Water:</b> documenting shutoffs block by block and pressing the "
                "utility for an income-based rate.</li>"
                "<li><b>Policing:</b> collecting testimony from residents and taking it "
                "to the city's human rights commission.</li></ul>",
            ),
            (
                "paragraph",
                "<p>The city council passed a human rights city resolution in 2019. We "
                "are glad it did, but the resolution was never the goal. What matters is "
                "whether a family behind on the water bill keeps the water on, and that "
                "only happens when neighbors keep showing up.</p>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "The first time I spoke at council I was shaking. Now I help "
                        "other tenants get ready to speak."
                    ),
                    "attribution": "A member of the Corvale housing committee",
                },
            ),
        ],
        "adopted": [
            ("Jemez Principles", 2016),
            ("Alliance Principles", 2018),
            ("Gwangju Principles", 2019),
        ],
        "contact_email": "hello@corvale.example.org",
        "accent_colour": "#1f4e79",
    },
    {
        "name": "Quillan County Human Rights Initiative",
        "hostname": "quillan-county.localhost",
        "state": "KY",
        "time_zone": "America/New_York",
        "region": "Kentucky",
        "locality_type": "rural",
        "status": "organizing",
        "founded_year": 2019,
        "intro": (
            "A rural county where neighbors are taking on bad water, a closed hospital "
            "and disappearing jobs, and telling our own history while we do it."
        ),
        "body": [
            ("heading", {"text": "Water and health come first", "level": "h2"}),
            (
                "paragraph",
                "<p>Half the hollows in Quillan County still haul water or drink from "
                "wells nobody has tested in years. Our water group trains volunteers to "
                "take samples, keeps a public map of results and goes to every meeting "
                "of the water district board.</p>"
                "<p>Since the county hospital closed, the nearest emergency room is "
                "more than an hour away. We are building a coalition with nurses, "
                "churches and the miners' union local to win a clinic and a reliable "
                "ambulance service.</p>",
            ),
            (
                "paragraph",
                "<p>Our oral history project records elders talking about work, land "
                "and the fights this county has already been through. Those stories "
                "remind younger folks that organizing here is nothing new, and they "
                "give us a place to start human rights learning that feels like "
                "ours.</p>",
            ),
        ],
        "adopted": [
            ("Jemez Principles", 2019),
            ("Alliance Principles", 2020),
        ],
        "contact_email": "quillan@example.org",
        "accent_colour": "#7a3b0c",
    },
    {
        "name": "Kestrel Ridge Nation Human Rights Initiative",
        "hostname": "kestrel-ridge.localhost",
        "state": "SD",
        "time_zone": "America/Denver",
        "region": "Northern Plains",
        "locality_type": "reservation",
        "status": "organizing",
        "founded_year": 2018,
        "intro": (
            "Citizens of the Kestrel Ridge Nation working for our people's "
            "self-determination, our language, our land and water, and healing."
        ),
        "body": [
            ("heading", {"text": "Our work, on our terms", "level": "h2"}),
            (
                "paragraph",
                "<p>This initiative is led by members of the Nation and answers to our "
                "own people. We join the Alliance as a partner among equals. Our "
                "sovereignty and our right to decide our own future, recognized in "
                "Articles 1 and 27 of the International Covenant on Civil and Political "
                "Rights, are where our human rights work begins.</p>",
            ),
            (
                "paragraph",
                "<p>We focus on:</p>"
                "<ul><li><b>Language:</b> supporting family language nests and adult "
                "classes taught by our fluent speakers.</li>"
                "<li><b>Land and water:</b> watching the river and the aquifer, and "
                "standing with the Nation's government when outside projects threaten "
                "them.</li>"
                "<li><b>Housing and health:</b> documenting overcrowded homes and the "
                "distance families travel for care.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Many of our families carry the harm done by the boarding schools "
                "that took Native children from their homes. With the consent of "
                "survivors and their relatives, we gather testimony for truth-telling "
                "and healing. The stories stay with the families and the Nation; no one "
                "else decides how they are used.</p>",
            ),
        ],
        "adopted": [
            ("Jemez Principles", 2018),
            ("Alliance Principles", 2019),
        ],
        "contact_email": "kestrelridge@example.org",
        "accent_colour": "#1b5e20",
    },
    {
        "name": "Tillory Valley Human Rights Network",
        "hostname": "tillory-valley.localhost",
        "state": "WA",
        "time_zone": "America/Los_Angeles",
        "region": "Pacific Northwest",
        "locality_type": "region",
        "languages": ["en", "es"],
        "status": "exploring",
        "founded_year": 2023,
        "intro": (
            "Farmworkers, small-town residents and immigrant families across the "
            "Tillory River valley asking what a human rights region could look like."
        ),
        "body": [
            ("heading", {"text": "Listening first", "level": "h2"}),
            (
                "paragraph",
                "<p>We are a young group spread over five towns and two counties. This "
                "year we are holding listening sessions in packing-house break rooms, "
                "church halls and laundromats, in Spanish and English, with Mixteco "
                "interpretation wherever people ask for it.</p>"
                "<p>What we hear most: crowded and unsafe farmworker housing, work in "
                "wildfire smoke and summer heat, and county offices where nobody speaks "
                "your language.</p>",
            ),
            (
                "paragraph",
                "<p>Before we choose a campaign we are studying the principles together "
                "and talking with the Corvale and Quillan County chapters about how "
                "they got started. If you live in the valley, come to a session.</p>",
            ),
        ],
        "adopted": [
            ("Jemez Principles", None),
        ],
        "contact_email": "tillory@example.org",
        "accent_colour": "#5b2a86",
    },
]
