using System.Diagnostics;
using System.Text;
using CsCheck;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;

namespace SshDoctor.Tests.Model;

/// <summary>
/// The one shell quoter (<see cref="HostShell.Quote"/>; KeyInspector's hints and the userdata script use it too):
/// whatever the text, the quoted word pasted into `sh -c` gives back exactly its bytes, in dash (Debian's /bin/sh)
/// and in bash, under a UTF-8 and the C locale. Text is any Unicode scalar value but NUL, which no argv or shell
/// word can carry; a C# string cannot hold bytes that are not UTF-8, so those are out of reach of this quoter.
/// </summary>
public sealed class ShellQuotePropertyTests
{
    private static readonly Gen<string> Scalar = Gen.Int[1, 0x10FFFF]
        .Where(c => c is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32);

    private static readonly Gen<string> Special = Gen.Char["'\"\\$`!*?[]{}()<>|&;~#=%^ \t\n\r-:,@+./\x1b\x7f"].Select(c => c.ToString());

    private static readonly Gen<string> Text = Gen.Frequency((3, Special), (2, Gen.Char['a', 'z'].Select(c => c.ToString())), (2, Scalar))
        .Array[0, 24].Select(parts => string.Concat(parts));

    private static readonly (string Shell, string Lang)[] Shells = [("/bin/dash", "C.UTF-8"), ("/bin/bash", "C.UTF-8"), ("/bin/bash", "C")];

    /// <summary>Runs `SHELL -c "printf '%s\0' WORD…"` and splits what it printed at the NULs.</summary>
    private static string[] Echo(string shell, string lang, IEnumerable<string> words)
    {
        var psi = new ProcessStartInfo(shell) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("printf '%s\\0' " + string.Join(' ', words));
        psi.Environment["LC_ALL"] = lang;
        using var p = Process.Start(psi)!;
        using var buffer = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(buffer);
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{shell}: exit {p.ExitCode}: {err}");
        var bytes = buffer.ToArray();
        Assert.True(bytes.Length > 0 && bytes[^1] == 0, $"{shell}: output does not end with NUL");
        return new UTF8Encoding(false, true).GetString(bytes, 0, bytes.Length - 1).Split('\0');
    }

    [Fact]
    public void Quoted_text_pasted_into_sh_gives_back_the_exact_bytes()
    {
        foreach (var (shell, lang) in Shells) Assert.True(File.Exists(shell), shell + " is missing (Debian's dash and bash)");
        Text.Array[1, 8].Sample(texts =>
        {
            foreach (var (shell, lang) in Shells)
            {
                Assert.Equal(texts, Echo(shell, lang, texts.Select(t => HostShell.Quote(t))));
                Assert.Equal(texts, Echo(shell, lang, texts.Select(t => HostShell.Quote(t, always: true))));
            }
        }, iter: 150);
    }

    [Fact]
    public void Key_hints_use_the_same_quoter()
    {
        Text.Sample(t => Assert.Equal(HostShell.Quote(t), KeyInspector.ShellQuote(t)), iter: 500);
    }

    [Fact]
    public void Words_that_a_shell_would_expand_are_quoted()
    {
        foreach (var s in new[] { "~", "~root/x", "a=b c", "*", "-", "", "#x", "a\nb", "$HOME", "x'y" })
        {
            var quoted = HostShell.Quote(s);
            Assert.Equal([s], Echo("/bin/dash", "C.UTF-8", [quoted]));
        }
        Assert.StartsWith("'", HostShell.Quote("~/.ssh/id_ed25519"));
    }
}
