using System.Diagnostics;

namespace SshDoctor.Tests.Cli;

/// <summary>Colour on a terminal only: the real binary under a pseudo-terminal (script(1)), off with NO_COLOR, --no-color, a pipe.</summary>
public sealed class ColourTests
{
    private static string Binary => Path.Combine(AppContext.BaseDirectory, "sshdoctor");

    private static string Run(string command, bool pty, string? noColor = null)
    {
        var repo = Path.GetFullPath(Path.Combine(TestFiles.Dir(), "..", ".."));
        var line = $"{Binary} {command} --root {repo}/samples/broken-volume --user ec2-user --key {repo}/samples/keys/id_ed25519.pub";
        var psi = pty ? new ProcessStartInfo("script", ["-qec", line, "/dev/null"]) : new ProcessStartInfo("sh", ["-c", line]);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.Environment.Remove("NO_COLOR");
        psi.Environment["TERM"] = "xterm";
        if (noColor is not null) psi.Environment["NO_COLOR"] = noColor;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    private const string Red = "\u001b[31;1m";

    [Fact]
    public void Verdict_and_blocking_heading_are_red_on_a_terminal()
    {
        Assert.True(File.Exists(Binary), "the sshdoctor apphost is not next to the tests");
        var text = Run("check", pty: true);
        Assert.Contains(Red + "✘", text);
        Assert.Contains(Red + "[USER_DENIED]", text);
    }

    [Fact]
    public void No_colour_with_NO_COLOR_or_no_color_or_a_pipe()
    {
        Assert.DoesNotContain(Red, Run("check", pty: true, noColor: "1"));
        Assert.DoesNotContain(Red, Run("check --no-color", pty: true));
        Assert.DoesNotContain(Red, Run("check", pty: false));
        Assert.DoesNotContain("\u001b[3", Run("check --json", pty: true)); // (.NET itself may send keypad mode, ESC [?1h)
    }
}
