using SshDoctor.Core.Localization;
using SshDoctor.Core.Probe;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// Progress on stderr while a probe waits: a line when a connection enters a stage, and a heartbeat every
/// second while nothing changes (no silent seconds). Only for a terminal, or with --trace.
/// </summary>
internal sealed class ProbeProgressWriter : IDisposable
{
    private readonly TextWriter _err;
    private readonly Messages _m;
    private readonly Timer _timer;
    private readonly object _lock = new();
    private DateTime _lastChange = DateTime.UtcNow;
    private DateTime _stageStart = DateTime.UtcNow;
    private bool _done;

    public ProbeProgressWriter(TextWriter err, Messages m)
    {
        _err = err;
        _m = m;
        _timer = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Report(ProbeProgress p, string host, int port)
    {
        var text = p.Stage switch
        {
            "connect" => _m.Get("trace.progress.connect", ("host", host), ("port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            "banner" => _m.Get("trace.progress.banner"),
            "kex" => _m.Get("trace.progress.kex"),
            "auth" => _m.Get("trace.progress.auth", ("user", p.User), ("key", p.Key.Public.Sha256Fingerprint)),
            "login" => _m.Get("trace.progress.login", ("user", p.User)),
            _ => null,
        };
        if (text is null) return;
        lock (_lock)
        {
            if (_done) return;
            _err.WriteLine("  … " + text);
            _err.Flush();
            _lastChange = _stageStart = DateTime.UtcNow;
        }
    }

    private void Tick()
    {
        lock (_lock)
        {
            if (_done || DateTime.UtcNow - _lastChange < TimeSpan.FromSeconds(0.9)) return;
            var seconds = (int)(DateTime.UtcNow - _stageStart).TotalSeconds;
            _err.WriteLine("  … " + _m.Get("trace.progress.waiting", ("seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            _err.Flush();
            _lastChange = DateTime.UtcNow;
        }
    }

    public void Dispose()
    {
        lock (_lock) _done = true;
        _timer.Dispose();
    }
}
