using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Probe;

/// <summary>Listeners that are not SSH: each gives a clear answer, within --timeout, and never a crash.</summary>
public sealed class ProbeNotSshTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    /// <summary>A one-behaviour TCP server on 127.0.0.1; every accepted connection runs <paramref name="behave"/>.</summary>
    private sealed class ProbeFakeServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        public int Port { get; }

        public ProbeFakeServer(Func<NetworkStream, CancellationToken, Task> behave)
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient client;
                    try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                    catch (Exception) { return; }
                    _ = Task.Run(async () =>
                    {
                        using (client)
                        {
                            try { await behave(client.GetStream(), _stop.Token); }
                            catch (Exception) { /* the probe hung up */ }
                        }
                    });
                }
            });
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }

    private ProbeCli.Result Probe(int port, double timeout = 2, bool reachable = false)
    {
        var key = _keys.Make("good", "ed25519");
        var clock = Stopwatch.StartNew();
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{port}", "-i", key + ".pub", "--timeout", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--known-hosts", "/dev/null");
        output.WriteLine($"{clock.ElapsedMilliseconds} ms\n{r.Out}{r.Err}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(timeout + 2), $"took {clock.Elapsed}");
        Assert.Equal(3, r.Exit);
        Assert.Equal(reachable, r.Json.GetProperty("target").GetProperty("reachable").GetBoolean());
        Assert.Single(r.Candidates); // one connection, not one per candidate
        return r;
    }

    [Fact]
    public void Garbage_is_not_ssh()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            var junk = new byte[512];
            new Random(7).NextBytes(junk);
            junk[3] = 0;
            await s.WriteAsync(junk, ct);
            await Task.Delay(5000, ct);
        });
        Assert.Equal("not_ssh", Probe(server.Port).Error);
    }

    [Fact]
    public void Http_answer_then_close_is_not_ssh()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            await s.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"), ct);
        });
        var r = Probe(server.Port);
        Assert.Equal("not_ssh", r.Error);
        Assert.Contains("HTTP/1.1 400", r.Json.GetProperty("target").GetProperty("error_detail").GetString());
    }

    [Fact]
    public void Silence_ends_at_the_timeout()
    {
        using var server = new ProbeFakeServer((_, ct) => Task.Delay(Timeout.Infinite, ct));
        var r = Probe(server.Port, 1.5);
        Assert.Equal("timeout", r.Error);
    }

    [Fact]
    public void Endless_banner_without_newline_is_cut()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string('A', 4096));
            while (!ct.IsCancellationRequested) await s.WriteAsync(chunk, ct);
        });
        Assert.Equal("not_ssh", Probe(server.Port).Error);
    }

    [Fact]
    public void Endless_banner_lines_are_cut()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            var line = Encoding.ASCII.GetBytes("Welcome to a very chatty service\r\n");
            while (!ct.IsCancellationRequested) await s.WriteAsync(line, ct);
        });
        Assert.Equal("not_ssh", Probe(server.Port).Error);
    }

    [Fact]
    public void Slow_endless_banner_ends_at_the_timeout()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            while (!ct.IsCancellationRequested)
            {
                await s.WriteAsync("x\r\n"u8.ToArray(), ct);
                await Task.Delay(100, ct);
            }
        });
        var r = Probe(server.Port, 1.5);
        Assert.True(r.Error is "timeout" or "not_ssh", r.Error);
    }

    [Fact]
    public void Immediate_close_is_reported()
    {
        using var server = new ProbeFakeServer((_, _) => Task.CompletedTask);
        Assert.Equal("not_ssh", Probe(server.Port).Error);
    }

    [Fact]
    public void Ssh1_server_is_a_protocol_error()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            await s.WriteAsync("SSH-1.5-OldServer\r\n"u8.ToArray(), ct);
            await Task.Delay(5000, ct);
        });
        var r = Probe(server.Port);
        Assert.Equal("protocol_error", r.Error);
    }

    [Fact]
    public void Huge_packet_length_is_refused()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            await s.WriteAsync("SSH-2.0-Evil\r\n"u8.ToArray(), ct);
            await s.WriteAsync(new byte[] { 0x7f, 0xff, 0xff, 0xff, 4 }, ct);
            await Task.Delay(5000, ct);
        });
        var r = Probe(server.Port, reachable: true);
        Assert.Equal("protocol_error", r.Error);
        Assert.Contains("out of bounds", r.Json.GetProperty("target").GetProperty("error_detail").GetString());
    }

    [Fact]
    public void Text_output_names_the_problem()
    {
        using var server = new ProbeFakeServer(async (s, ct) =>
        {
            await s.WriteAsync(Encoding.ASCII.GetBytes("220 smtp.example.com ESMTP\r\n"), ct);
        });
        var key = _keys.Make("good", "ed25519");
        var o = new StringWriter();
        var exit = SshDoctor.Cli.CliApp.Run(["probe", $"127.0.0.1:{server.Port}", "-i", key, "--timeout", "2", "--lang", "en", "--known-hosts", "/dev/null"], o, new StringWriter());
        output.WriteLine(o.ToString());
        Assert.Equal(3, exit);
        Assert.Contains("not an SSH server", o.ToString());
        Assert.Contains("220 smtp.example.com", o.ToString());
    }
}
