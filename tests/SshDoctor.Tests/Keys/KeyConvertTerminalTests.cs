using System.Diagnostics;

namespace SshDoctor.Tests.Keys;

/// <summary>
/// `key convert` without -o never prints an unencrypted private key on a terminal. The binary runs under a real
/// pseudo-terminal (util-linux script) for the refusal, and with a pipe for the ordinary use.
/// </summary>
public sealed class KeyConvertTerminalTests
{
    private static string Binary => Path.Combine(AppContext.BaseDirectory, "sshdoctor");

    private static (int Code, string Out) Start(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["SSHDOCTOR_NO_PROMPT"] = "1";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "timed out");
        return (p.ExitCode, output + err.Result);
    }

    private static string PlainKey()
    {
        var dir = KeyCorpus.TempDir();
        var key = Path.Combine(dir, "k");
        ExternalTools.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        return key;
    }

    [Fact]
    public void On_a_terminal_it_refuses_with_exit_2_and_prints_no_key()
    {
        var key = PlainKey();
        var (code, output) = Start("script", "-qec", $"'{Binary}' key convert '{key}' --to ppk --lang en", "/dev/null");
        Assert.Equal(2, code);
        Assert.Contains("-o FILE", output);
        Assert.DoesNotContain("PuTTY-User-Key-File", output);
        Assert.DoesNotContain("Private-Lines", output);
    }

    [Fact]
    public void Through_a_pipe_it_prints_the_key()
    {
        var key = PlainKey();
        var (code, output) = Start(Binary, "key", "convert", key, "--to", "ppk", "--lang", "en");
        Assert.Equal(0, code);
        Assert.Contains("PuTTY-User-Key-File-3: ssh-ed25519", output);
    }

    [Fact]
    public void On_a_terminal_an_encrypted_result_is_still_printed()
    {
        var dir = KeyCorpus.TempDir();
        var key = Path.Combine(dir, "k");
        ExternalTools.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "pw", "-f", key);
        File.WriteAllText(Path.Combine(dir, "pass"), "pw\n");
        var (code, output) = Start("script", "-qec",
            $"'{Binary}' key convert '{key}' --to openssh --passphrase-file '{Path.Combine(dir, "pass")}' --lang en", "/dev/null");
        Assert.Equal(0, code);
        Assert.Contains("BEGIN OPENSSH PRIVATE KEY", output);
    }
}
