namespace SshDoctor.Lab.Differential;

/// <summary>Weighted choices from a seeded <see cref="Random"/> (deterministic for a given seed).</summary>
public sealed class Pick(Random random)
{
    public T One<T>(params (int Weight, T Value)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (w, v) in choices)
        {
            if (roll < w) return v;
            roll -= w;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>True with probability percent/100.</summary>
    public bool Chance(int percent) => random.Next(100) < percent;
}
