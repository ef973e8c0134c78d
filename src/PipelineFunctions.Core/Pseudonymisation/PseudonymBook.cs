namespace PipelineFunctions.Core.Pseudonymisation;

/// <summary>
/// A study's numbering of pseudonyms: keyed digest of a normalised identifier to its number within its kind
/// (so <c>[PERSON-7]</c> stays the same person across the study). It holds digests only, never identifiers,
/// so without the study key nobody can link a number to a name.
/// </summary>
public sealed class PseudonymBook
{
    readonly Dictionary<string, int> _numbers;
    readonly Dictionary<string, int> _lastByKind = new(StringComparer.Ordinal);

    public PseudonymBook(IReadOnlyDictionary<string, int>? numbers = null)
    {
        _numbers = new Dictionary<string, int>(numbers ?? new Dictionary<string, int>(), StringComparer.Ordinal);
        foreach (var (key, number) in _numbers)
        {
            var kind = key[..key.IndexOf(':')];
            _lastByKind[kind] = Math.Max(_lastByKind.GetValueOrDefault(kind), number);
        }
    }

    /// <summary>True when numbers were given out since the book was loaded, so it must be saved.</summary>
    public bool Changed { get; private set; }

    public IReadOnlyDictionary<string, int> Numbers => _numbers;

    public int NumberFor(string kind, string digest)
    {
        var key = $"{kind}:{digest}";
        if (_numbers.TryGetValue(key, out var number))
            return number;
        number = _lastByKind.GetValueOrDefault(kind) + 1;
        _lastByKind[kind] = number;
        _numbers[key] = number;
        Changed = true;
        return number;
    }
}
