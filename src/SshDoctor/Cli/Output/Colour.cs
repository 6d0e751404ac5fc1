namespace SshDoctor.Cli.Output;

/// <summary>
/// ANSI colour for verdicts and severities: only when stdout is the terminal, never with NO_COLOR (any
/// non-empty value, no-color.org), --no-color, --json or a pipe.
/// </summary>
public static class Colour
{
    [ThreadStatic] private static bool _terminal;
    [ThreadStatic] private static bool _on;

    /// <summary>Set by CliApp: stdout is the process's console and not redirected.</summary>
    public static void SetTerminal(bool terminal) => (_terminal, _on) = (terminal, false);

    /// <summary>Set per command once its options are parsed.</summary>
    public static void Decide(bool noColor, bool json, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        _on = _terminal && !noColor && !json && string.IsNullOrEmpty(env("NO_COLOR")) && env("TERM") != "dumb";
    }

    public static bool On => _on;

    /// <summary>This run's stdout is the process's own terminal (set by CliApp before the command runs).</summary>
    public static bool StdoutIsTerminal => _terminal;

    public static string Red(string s) => Paint("31;1", s);
    public static string Green(string s) => Paint("32;1", s);
    public static string Yellow(string s) => Paint("33", s);
    public static string Bold(string s) => Paint("1", s);

    private static readonly string[] Codes = ["31;1", "32;1", "33", "1", "0"];

    private static string Paint(string code, string s) => _on ? $"\u001b[{code}m{s}\u001b[0m" : s;

    /// <summary>The length of one of the sequences Paint writes at <paramref name="i"/>, else null.</summary>
    public static int? SequenceAt(string text, int i)
    {
        foreach (var code in Codes)
        {
            var sequence = "\u001b[" + code + "m";
            if (string.CompareOrdinal(text, i, sequence, 0, sequence.Length) == 0) return sequence.Length;
        }
        return null;
    }
}
