namespace SampleCompany.SampleData;

/// <summary>
/// The PCG32 generator (XSH-RR variant, O'Neill 2014). The sample data uses it instead of <see cref="Random"/>,
/// whose sequence .NET does not promise to keep across versions: the same seed and stream give the same
/// numbers on every machine and every runtime, so every run writes byte-identical data.
/// </summary>
internal sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private readonly ulong _increment;
    private ulong _state;

    /// <summary>Creates a generator; different <paramref name="stream"/>s give independent sequences for one seed.</summary>
    public Pcg32(ulong seed, ulong stream)
    {
        _increment = (stream << 1) | 1UL;
        NextUInt32();
        _state = unchecked(_state + seed);
        NextUInt32();
    }

    /// <summary>The next 32 uniformly distributed bits.</summary>
    public uint NextUInt32()
    {
        var old = _state;
        _state = unchecked((old * Multiplier) + _increment);
        var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        var rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << ((-rotation) & 31));
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (uint)maxExclusive;
        var threshold = unchecked(0u - bound) % bound;
        while (true)
        {
            var value = NextUInt32();
            if (value >= threshold)
            {
                return (int)(value % bound);
            }
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with a probability of <paramref name="percent"/> in a hundred.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>One element of <paramref name="items"/>, each equally likely.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Puts <paramref name="items"/> in a random order (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>An index into <paramref name="weights"/>, each chosen in proportion to its weight.</summary>
    public int PickWeighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var ticket = Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            ticket -= weights[i];
            if (ticket < 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The weights must add up to more than zero.");
    }

    /// <summary>Replaces '#' with a digit and '@' with an upper-case letter, e.g. a postal code or a phone number.</summary>
    public string Fill(string pattern) => string.Create(pattern.Length, (pattern, random: this), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.pattern[i] switch
            {
                '#' => (char)('0' + state.random.Next(10)),
                '@' => (char)('A' + state.random.Next(26)),
                var other => other,
            };
        }
    });
}
