namespace Moderation.Toxicity.Lexicon;

/// <summary>
/// The project's own abusive-word lexicon, written for this service (not copied from a list).
/// Entries are normalised words; a trailing '*' matches any word that starts with the stem.
/// Stems are chosen so that common clean words do not match (e.g. "ass" is exact, "psycho" is not a stem).
/// </summary>
internal static class LexiconTerms
{
    /// <summary>2: the target terms, negators and reporting verbs of <see cref="TargetTerms"/> joined the lexicon.</summary>
    public const int Version = 2;

    public static readonly string[] Profanity =
    [
        "fuck*", "fuk*", "fck*", "fcuk*", "phuck*", "fuq*", "motherfuck*", "mothafuck*", "muthafuck*", "wtf", "stfu", "gtfo",
        "shit*", "sht", "bullshit*", "horseshit*", "dipshit*", "apeshit", "batshit",
        "crap", "crappy", "craps", "ass", "asses", "asshole*", "arse", "arsehole*", "azz", "butthole*", "dumbass*", "jackass*", "smartass*", "badass",
        "bitch*", "biatch*", "bastard*", "dick", "dicks", "dickhead*", "dickish", "cock", "cocks", "cocksuck*",
        "cunt*", "piss", "pissed", "pissing", "pisses", "prick", "pricks", "twat*", "wank*", "bollocks",
        "douche*", "slut*", "whore*", "hoe", "hoes", "thot", "thots", "pussy", "pussies", "tits", "titties",
        "damn", "damned", "dammit", "goddamn*", "goddam", "bloody", "screw", "screwed", "sucks", "suck",
        "blowjob*", "jerkoff", "skank*", "scumbag*",
    ];

    public static readonly string[] Slurs =
    [
        "nigger*", "nigga*", "niggah*", "nigg", "negroes", "fag", "fags", "faggot*", "faggit*", "fagot*", "dyke*", "tranny*", "trannies",
        "retard*", "spic", "spics", "chink*", "kike*", "wetback*", "coon", "coons", "gook*", "raghead*", "towelhead*",
        "sandnigger*", "beaner*", "paki", "pakis", "honky", "honkies", "mongoloid*", "homo", "homos", "lesbo*", "shemale*",
        "wop", "wops", "dago*", "heeb*", "yid", "yids", "jigaboo*", "golliwog*", "muzzie*", "muzrat*", "subhuman*",
        "untermensch*", "libtard*", "trumptard*", "feminazi*", "queers", "darkie*", "darky", "spook", "spooks",
    ];

    public static readonly string[] Insults =
    [
        "idiot*", "stupid*", "moron*", "dumb", "dumber", "dumbest", "dummy", "dummies", "imbecile*", "fool", "fools", "foolish",
        "loser*", "pathetic", "ignorant*", "ignoramus*", "clown*", "scum*", "trash", "trashy", "garbage", "dimwit*", "halfwit*",
        "nitwit*", "numbskull*", "numbnut*", "cretin*", "liar", "liars", "hypocrite*", "troll", "trolls", "trolling", "jerk", "jerks",
        "creep", "creeps", "creepy", "pig", "pigs", "swine", "disgusting", "vile", "worthless", "lunatic*", "brainless", "clueless",
        "gutless", "spineless", "coward*", "degenerate*", "deplorable*", "delusional", "despicable", "filth", "filthy", "freak",
        "freaks", "ugly", "bigot*", "psycho", "psychos", "psychopath*", "sicko*", "nutjob*", "nutcase*", "wacko*", "whacko*",
        "sheeple", "dolt*", "buffoon*", "twit", "twits", "goon", "goons", "thug", "thugs", "parasite*", "leech", "leeches",
        "vermin", "snowflake*", "moonbat*", "wingnut*", "dotard*", "idiocy", "incompetent*", "crook", "crooks", "traitor*",
        "sociopath*", "narcissist*", "pervert*", "pedophile*", "paedophile*", "pedo", "pedos", "weasel*", "cockroach*", "maggot*",
        "slag", "bimbo*", "hag", "hags", "imbecilic", "retarded", "demented", "senile", "lame", "losers", "shameless", "scoundrel*",
        "slimeball*", "sleazebag*", "sleazy", "dirtbag*", "lowlife*", "deadbeat*", "airhead*", "bonehead*", "blockhead*", "knucklehead*",
        "meathead*", "dunce*", "ignorance", "hateful", "bozo*", "buttface", "shithead*", "fatass*", "fatso", "cuck", "cucks", "cuckold*",
    ];

    public static readonly string[] Violence =
    [
        "kill", "kills", "killed", "killing", "murder*", "shoot", "shot", "lynch*", "rape*", "raping", "rapist*", "behead*",
        "slaughter*", "exterminat*", "massacre*", "genocide", "stab", "stabbed", "strangle*", "hang", "hanged", "execute", "executed",
        "die", "dies", "died", "dead", "death", "burn", "bomb", "bombs", "gun", "guns", "beat", "beaten", "punch", "hurt",
    ];

    /// <summary>Words that address the reader; a second-person word near an abusive one targets a person.</summary>
    public static readonly string[] SecondPerson =
    [
        "you", "your", "youre", "yours", "yourself", "yourselves", "u", "ur", "ya", "yall", "thou", "thee", "youve", "youll", "youd",
    ];

    /// <summary>Phrases (normalised tokens) that threaten or wish harm.</summary>
    public static readonly string[][] ThreatPhrases =
    [
        ["kill", "yourself"], ["kill", "urself"], ["kill", "ur", "self"], ["kys"], ["hope", "you", "die"], ["you", "should", "die"],
        ["go", "die"], ["should", "be", "shot"], ["deserve", "to", "die"], ["deserves", "to", "die"], ["burn", "in", "hell"],
        ["rot", "in", "hell"], ["i", "will", "kill"], ["ill", "kill"], ["gonna", "kill"], ["going", "to", "kill"], ["should", "be", "hanged"],
        ["should", "be", "killed"], ["should", "be", "shot"], ["put", "a", "bullet"], ["slit", "your"], ["hope", "he", "dies"],
        ["hope", "she", "dies"], ["hope", "they", "die"], ["string", "them", "up"], ["line", "them", "up"], ["wipe", "them", "out"],
        ["gas", "them"], ["shoot", "them"], ["kill", "them", "all"], ["kill", "all"], ["deport", "them", "all"],
    ];

    /// <summary>Phrases that dismiss or order someone away.</summary>
    public static readonly string[][] DismissivePhrases =
    [
        ["shut", "up"], ["shut", "the"], ["stfu"], ["get", "lost"], ["go", "away"], ["piss", "off"], ["screw", "you"], ["go", "back", "to"],
        ["get", "out"], ["go", "to", "hell"], ["nobody", "cares"], ["who", "cares"], ["get", "a", "life"], ["grow", "up"],
        ["bite", "me"], ["eat", "shit"], ["blow", "me"], ["suck", "it"], ["f", "off"], ["eff", "off"], ["bugger", "off"], ["sod", "off"],
        ["you", "people"], ["your", "kind"], ["people", "like", "you"], ["go", "back", "where"], ["crawl", "back"],
    ];
}
