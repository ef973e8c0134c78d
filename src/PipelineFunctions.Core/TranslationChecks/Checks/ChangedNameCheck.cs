using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.Core.TranslationChecks.Checks;

/// <summary>
/// A person's name changed in translation, found through the key: in each aligned pair of turns, the people the two
/// sides name are matched (the same numbered pseudonym is the same person by construction; otherwise the originals
/// must share a name, titles aside). Two people left unmatched on both sides are a changed name — even where the
/// placeholders line up, as typed ones (<c>[PERSON]</c>, <c>[name]</c>) always do; a person named on one side only may
/// have been dropped or renamed. The flag names placeholders and turns only; the custodian can see the originals.
/// </summary>
public sealed class ChangedNameCheck : ITranslationCheck
{
    public IEnumerable<TranslationFlag> Check(TranslationPair pair)
    {
        if (pair.Keys is not { } keys)
            yield break;
        var source = People(keys.Source);
        var translation = People(keys.Translation);
        foreach (var (s, t) in pair.Matched)
        {
            var sp = source[s.Index].ToList();
            var tp = translation[t.Index].ToList();
            foreach (var person in sp.ToList())
                if (tp.FirstOrDefault(other => Same(person, other)) is { } match)
                {
                    sp.Remove(person);
                    tp.Remove(match);
                }
            if (sp.Count > 0 && tp.Count > 0)
                yield return new(
                    FlagKinds.ChangedName,
                    Severity.High,
                    s.Index,
                    t.Index,
                    $"The key names someone else in translation turn {t.Index} ({Describe(tp)}) than in source turn "
                        + $"{s.Index} ({Describe(sp)}): a name may have been changed. The custodian can compare the "
                        + $"originals."
                );
            else if (sp.Count > 0)
                yield return new(
                    FlagKinds.ChangedName,
                    Severity.Medium,
                    s.Index,
                    t.Index,
                    $"Source turn {s.Index} names someone ({Describe(sp)}) whom translation turn {t.Index} does not "
                        + $"name: the name may have been dropped or changed."
                );
            else if (tp.Count > 0)
                yield return new(
                    FlagKinds.ChangedName,
                    Severity.Medium,
                    s.Index,
                    t.Index,
                    $"Translation turn {t.Index} names someone ({Describe(tp)}) whom source turn {s.Index} does not "
                        + $"name: the name may have been added or changed."
                );
        }
    }

    sealed record Person(string Pseudonym, HashSet<string> Names);

    static ILookup<int, Person> People(IReadOnlyList<Replacement> log) =>
        log.Where(r => r is { Kind: IdentifierKinds.Person, InSpeaker: false })
            .ToLookup(
                r => r.TurnIndex,
                r => new Person(
                    r.Pseudonym,
                    IdentifierText
                        .Normalise(r.Original)
                        .Split(' ')
                        .Where(w => w.Length > 1 && !WordLists.Titles.Contains(w))
                        .ToHashSet(StringComparer.Ordinal)
                )
            );

    static bool Same(Person a, Person b) =>
        (a.Pseudonym == b.Pseudonym && a.Pseudonym.Any(char.IsDigit)) || a.Names.Overlaps(b.Names);

    static string Describe(List<Person> people) => string.Join(", ", people.Select(p => p.Pseudonym));
}
