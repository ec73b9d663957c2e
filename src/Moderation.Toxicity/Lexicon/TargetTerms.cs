namespace Moderation.Toxicity.Lexicon;

/// <summary>
/// Words and phrases (normalised tokens) that say who a comment is about and what it says of them: groups
/// (protected groups, nationalities, migrants), dehumanising nouns, negative predicates, exclusion and threat
/// patterns, negators, reporting verbs and counter-speech cues. Written for this project; part of the lexicon
/// version. In phrases, "*" matches any one token.
/// </summary>
internal static class TargetTerms
{
    /// <summary>Words that name a group on their own (plural or singular nouns).</summary>
    public static readonly string[] GroupNouns =
    [
        "muslims", "muslim", "moslems", "jews", "jew", "immigrants", "immigrant", "migrants", "migrant", "refugees", "refugee",
        "asylum", "deportees", "deportee", "foreigners", "foreigner", "aliens", "illegals", "blacks", "gays", "lesbians", "lesbian",
        "transgender", "transgenders", "transsexuals", "homosexuals", "homosexual", "bisexuals", "women", "woman", "females", "girls",
        "feminists", "cripples", "mexicans", "poles", "romanians", "nigerians", "africans", "arabs", "asians", "indians", "pakistanis",
        "somalis", "syrians", "afghans", "iraqis", "iranians", "turks", "albanians", "bulgarians", "ukrainians", "latinos", "hispanics",
        "hindus", "sikhs", "christians", "catholics", "atheists", "gypsies", "roma", "minorities", "natives", "aboriginals", "chinese",
        "jamaicans", "haitians", "filipinos", "koreans", "vietnamese", "eritreans", "sudanese", "kurds", "palestinians", "israelis",
        "lgbt", "lgbtq", "queers", "whites", "blacks", "negroes", "islam",
    ];

    /// <summary>Adjectives that name a group when a word for people follows ("black people", "gay men").</summary>
    public static readonly string[] GroupAdjectives =
    [
        "black", "white", "gay", "trans", "disabled", "jewish", "muslim", "asian", "african", "mexican", "polish", "romanian",
        "nigerian", "arab", "chinese", "indian", "pakistani", "somali", "syrian", "afghan", "latino", "hispanic", "hindu",
        "christian", "catholic", "indigenous", "native", "foreign", "immigrant", "migrant", "refugee", "queer", "lesbian", "bisexual",
        "transgender", "autistic", "deaf", "blind", "brown", "roma", "sikh", "kurdish", "albanian", "eritrean", "turkish", "iranian",
        "iraqi", "ukrainian", "bulgarian", "jamaican", "haitian", "filipino", "korean", "vietnamese", "palestinian", "israeli",
    ];

    public static readonly string[] PeopleNouns =
    [
        "people", "men", "women", "folk", "folks", "community", "communities", "kids", "children", "guys", "girls", "boys", "families",
        "workers", "person", "persons", "population", "neighbours", "neighbors",
    ];

    /// <summary>Pronouns that can stand for a group named earlier in the comment.</summary>
    public static readonly string[] GroupPronouns = ["they", "them", "theyre", "those", "these", "their"];

    /// <summary>Nouns that compare people to animals, pests or illness.</summary>
    public static readonly string[] Dehumanising =
    [
        "vermin", "animals", "animal", "rats", "rat", "cockroach*", "roaches", "parasit*", "disease", "diseased", "cancer",
        "subhuman*", "apes", "monkeys", "beasts", "pigs", "swine", "dogs", "filth", "scum", "trash", "garbage",
        "insects", "locusts", "leeches", "maggots", "breed", "breeding", "vermine", "virus", "pests", "pest", "hordes", "horde", "swarm*",
        "invaders", "invasion", "primitive", "uncivilised", "uncivilized",
    ];

    /// <summary>Predicates that say something bad of whoever they describe.</summary>
    public static readonly string[] NegativePredicates =
    [
        "criminals", "criminal", "thieves", "thief", "rapists", "terrorists", "inferior", "evil",
        "dangerous", "violent", "backward", "sick", "ruin", "ruining", "ruined", "ruins", "destroy", "destroying",
        "disgrace", "burden", "menace", "nasty", "smelly", "stink", "stinks", "greedy", "freeloaders", "scroungers",
        "spongers", "benefit", "cheats", "liars", "lying", "hate", "hates", "hated", "loathe", "detest", "abhor", "disgust",
        "disgusts", "disgusting", "stupid", "dumb", "ugly", "dirt",
    ];

    /// <summary>Verbs of hating, for "I hate X" and "X disgust me".</summary>
    public static readonly string[] HateVerbs = ["hate", "hates", "hated", "loathe", "loathes", "detest", "detests", "abhor"];

    /// <summary>Patterns that shut a group out: send back, deport, keep out, not allowed.</summary>
    public static readonly string[][] Exclusion =
    [
        ["send", "*", "back"], ["send", "*", "*", "back"], ["send", "back"], ["go", "back"], ["kick", "*", "out"],
        ["kick", "out"], ["keep", "*", "out"], ["keep", "*", "away"], ["keep", "out"], ["not", "be", "allowed"],
        ["shouldnt", "be", "allowed"], ["not", "allowed"], ["dont", "belong"], ["doesnt", "belong"], ["not", "welcome"],
        ["round", "up"], ["wipe", "out"], ["should", "be", "deported"], ["must", "be", "deported"], ["deport", "them"],
        ["deport", "all"], ["deport", "every"], ["deport", "the"], ["out", "of", "our", "country"], ["out", "of", "my", "country"],
        ["ban", "all"], ["banned", "from"], ["go", "home"], ["back", "where", "they", "came"], ["throw", "*", "out"],
    ];

    /// <summary>Verbs of violence beyond the lexicon's violence words.</summary>
    public static readonly string[] ViolenceVerbs =
    [
        "torch", "gas", "lynch", "exterminate", "eradicate", "eliminate", "annihilate", "slaughter", "shoot", "shot",
        "kill", "killed", "hang", "hanged", "burn", "burned", "burnt", "stab", "beat", "beaten", "bomb", "nuke", "drown", "drowned",
        "die", "dead", "punish", "crush", "smash", "attack", "bullets", "rope",
    ];

    /// <summary>Words before a violence verb that make it a threat or a wish ("I will", "should be", "deserve to").</summary>
    public static readonly string[] ThreatModals =
    [
        "will", "ill", "gonna", "going", "should", "must", "deserve", "deserves", "need", "needs", "want", "wanna", "lets", "id",
        "shall", "gotta", "ought", "hope", "wish", 
    ];

    /// <summary>Threat phrases that need no violence word.</summary>
    public static readonly string[][] ThreatPhrases =
    [
        ["watch", "*", "back"], ["watch", "*", "backs"], ["teach", "*", "a", "lesson"], ["teach", "*", "*", "a", "lesson"],
        ["in", "one", "piece"], ["sort", "*", "out"],
        ["deal", "with", "them"], ["coming", "for", "you"], ["coming", "for", "them"], ["we", "know", "where"], ["pay", "for", "this"],
    ];

    /// <summary>Words that negate what follows in their clause.</summary>
    public static readonly string[] Negators =
    [
        "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "shouldnt", "cant",
        "cannot", "couldnt", "nobody", "noone", "neither", "nor", "hardly", "aint",
    ];

    /// <summary>Verbs that report someone else's words or belief; what follows in the clause is theirs, not the writer's.</summary>
    public static readonly string[] ReportingVerbs =
    [
        "say", "says", "said", "saying", "claim", "claims", "claimed", "claiming", "call", "calls", "called", "calling", "wrote",
        "write", "writes", "writing", "shout", "shouted", "shouting", "yell", "yelled", "chant", "chanted", "chanting", "tweet", "tweeted",
        "post", "posted", "think", "thinks", "believe", "believes", "suggest", "suggests", "suggesting", "argue", "argues", "insist",
        "insists", "label", "labels", "labelled", "labeling", "labelling", "describe", "describes", "described", "describing", "told",
        "tell", "telling", "pretend", "pretending", "spreading", "repeat", "repeating", "like",
    ];

    /// <summary>Subjects after which a reporting verb gives the writer's own view ("I think X are vermin" is not a report).</summary>
    public static readonly string[] FirstPerson = ["i", "we", "im", "ive", "id", "ill", "weve", "were"];

    /// <summary>Words and phrases that condemn hate rather than express it.</summary>
    public static readonly string[][] CounterSpeech =
    [
        ["hate", "speech"], ["racist"], ["racism"], ["bigotry"], ["xenophobia"], ["xenophobic"], ["islamophobia"], ["islamophobic"],
        ["antisemitism"], ["antisemitic"], ["anti", "semitic"], ["homophobia"], ["homophobic"], ["transphobia"], ["transphobic"],
        ["misogyny"], ["misogynistic"], ["sexism"], ["sexist"], ["hurtful"], ["unacceptable"], ["condemn"], ["condemned"], ["condemns"],
        ["ashamed"], ["stop", "calling"], ["stop", "saying"], ["stop", "spreading"], ["no", "place"], ["dehumanising"], ["dehumanizing"],
        ["prejudice"], ["discrimination"],
    ];
}
