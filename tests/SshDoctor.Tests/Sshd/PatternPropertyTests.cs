using System.Diagnostics;
using System.Runtime.InteropServices;
using CsCheck;
using SshDoctor.Core.Sshd;

namespace SshDoctor.Tests.Sshd;

/// <summary>
/// The two wildcard matchers, rewritten without backtracking after the fuzzer found inputs that hung one
/// (OpenSSH's match_pattern recursion on "************…?") and crashed the other (a regex built from "[�-X]"):
/// each gives the same answers as its reference, on arbitrary small patterns, and stays fast on the fuzzer's inputs.
/// </summary>
public sealed class PatternPropertyTests
{
    private static readonly Gen<string> Alphabet = Gen.String[Gen.Char["ab*?"], 0, 12];

    /// <summary>match.c's match_pattern, transcribed as OpenSSH writes it (recursive; fine on short inputs).</summary>
    private static bool Reference(ReadOnlySpan<char> s, ReadOnlySpan<char> p)
    {
        while (true)
        {
            if (p.IsEmpty) return s.IsEmpty;
            if (p[0] == '*')
            {
                p = p[1..];
                if (p.IsEmpty) return true;
                for (var i = 0; i <= s.Length; i++)
                    if (Reference(s[i..], p)) return true;
                return false;
            }
            if (s.IsEmpty || (p[0] != '?' && p[0] != s[0])) return false;
            s = s[1..];
            p = p[1..];
        }
    }

    [Fact]
    public void Match_agrees_with_match_c()
    {
        Gen.Select(Gen.String[Gen.Char["ab?*"], 0, 10], Alphabet).Sample((s, p) =>
            Assert.True(Reference(s, p) == Patterns.Match(s, p), $"Match(\"{s}\", \"{p}\")"), iter: 20_000);
    }

    [DllImport("libc", EntryPoint = "fnmatch")]
    private static extern int fnmatch([MarshalAs(UnmanagedType.LPUTF8Str)] string pattern, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int flags);

    [Fact]
    public void FnMatch_agrees_with_glibc_fnmatch()
    {
        // Bytes below 0x80 only: glibc compares them in code order in any locale this test may run in.
        var name = Gen.String[Gen.Char["abz-]"], 0, 8];
        var pattern = Gen.String[Gen.Char["abz-]![^*?\\"], 0, 10];
        Gen.Select(name, pattern).Sample((n, p) =>
        {
            var libc = fnmatch(p, n, 0) == 0;
            Assert.True(libc == Glob.FnMatch(n, p), $"fnmatch(\"{p}\", \"{n}\") is {libc} in glibc");
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("************\u00ff\u00ff\u00ff\u00ff****? 0c0.")] // from fuzz/corpus/sshd_config/hang-many-stars
    [InlineData("**********************************************x")]
    public void Many_stars_are_matched_at_once(string pattern)
    {
        var clock = Stopwatch.StartNew();
        foreach (var name in new[] { "ssh-ed25519", "rsa-sha2-512-cert-v01@openssh.com", new string('a', 4096) })
            _ = Patterns.Match(name, pattern) | Glob.FnMatch(name, pattern);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData("G[\\[\\[\u00ff-X\\[^l]Rh0.1", "Gx")]   // from fuzz/corpus/sshd_config/include-backwards-range-*
    [InlineData("[z-a]", "m")]
    public void Backwards_range_matches_nothing_and_does_not_throw(string pattern, string name) =>
        Assert.False(Glob.FnMatch(name, pattern));
}
