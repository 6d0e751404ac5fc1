using System.Diagnostics;
using System.Net.Sockets;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Protocol;

public enum ConnectionError
{
    None,
    /// <summary>Nothing listens on the port (TCP RST).</summary>
    ConnectionRefused,
    /// <summary>The host name does not resolve.</summary>
    UnknownHost,
    /// <summary>No route / network unreachable.</summary>
    Unreachable,
    /// <summary>`--timeout` elapsed; <see cref="ProbeConnectionReport.Stage"/> says where.</summary>
    Timeout,
    /// <summary>Something answered that does not speak SSH.</summary>
    NotSsh,
    /// <summary>The server closed the connection or sent DISCONNECT.</summary>
    Closed,
    /// <summary>The server broke the protocol (or our bounds).</summary>
    ProtocolError,
    /// <summary>No algorithm in common for some category.</summary>
    NoCommonAlgorithm,
    /// <summary>The host key signature over the exchange hash did not verify.</summary>
    HostKeyInvalid,
}

/// <summary>What one connection asks: one user, at most one key.</summary>
public sealed record ProbeConnectionRequest(string Host, int Port, string? User, PublicKey? Key, TimeSpan Timeout)
{
    public IProbeSigner? Signer { get; init; }
    /// <summary>Make a signed attempt after PK_OK (`--login`).</summary>
    public bool Login { get; init; }
    /// <summary>For an RSA key accepted with rsa-sha2-*, also query with ssh-rsa (SHA-1) on the same connection.</summary>
    public bool CheckSha1Rsa { get; init; } = true;
    public ClientAlgorithms Algorithms { get; init; } = ClientAlgorithms.Default;
    /// <summary>Progress: called with each stage the connection enters.</summary>
    public Action<string>? OnStage { get; init; }
}

/// <summary>Everything one connection saw, stage by stage; later stages are null when an earlier one failed.</summary>
public sealed class ProbeConnectionReport
{
    public ConnectionError Error { get; set; }
    public string? ErrorDetail { get; set; }
    /// <summary>connect, banner, kex, auth, login: where the connection was when it ended.</summary>
    public string Stage { get; set; } = "connect";
    public NotSshKind? NotSsh { get; set; }
    /// <summary>The peer reset the TCP connection (RST) rather than closing it.</summary>
    public bool ResetByPeer { get; set; }
    public ServerIdentification? Server { get; set; }
    public ServerAlgorithms? Offered { get; set; }
    public NegotiatedAlgorithms? Negotiated { get; set; }
    public PublicKey? HostKey { get; set; }
    public IReadOnlyList<string>? ServerSigAlgs { get; set; }
    public bool ExtInfoReceived { get; set; }
    /// <summary>The methods `none` got back (null when not asked or when `none` succeeded).</summary>
    public AuthFailure? Methods { get; set; }
    public bool NoneSucceeded { get; set; }
    public QueryOutcome? Query { get; set; }
    public string? QueryAlgorithm { get; set; }
    /// <summary>RSA only: the answer to the ssh-rsa (SHA-1) query.</summary>
    public QueryOutcome? Sha1Query { get; set; }
    public LoginResult? Login { get; set; }
    public IReadOnlyList<string> Banners { get; set; } = [];
    public long Milliseconds { get; set; }

    public bool Reached => Server is not null;
    public bool PublicKeyOffered => Methods?.Methods.Contains("publickey") ?? false;
}

/// <summary>Runs one probe connection with a hard deadline; never throws for anything the network does.</summary>
public static class ProbeConnection
{
    public static async Task<ProbeConnectionReport> RunAsync(ProbeConnectionRequest request, CancellationToken cancel = default)
    {
        var report = new ProbeConnectionReport();
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(request.Timeout);
        var ct = deadline.Token;
        SshClientSession? session = null;
        void Stage(string stage)
        {
            report.Stage = stage;
            request.OnStage?.Invoke(stage);
        }
        try
        {
            Stage("connect");
            session = await SshClientSession.ConnectTcpAsync(request.Host, request.Port, ct).ConfigureAwait(false);
            await session.HandshakeAsync(request.Algorithms, Stage, ct).ConfigureAwait(false);
            Record(report, session);
            if (request.User is not null)
            {
                Stage("auth");
                await UserAuth.RequestServiceAsync(session, ct).ConfigureAwait(false);
                Record(report, session);
                var none = await UserAuth.NoneAsync(session, request.User, ct).ConfigureAwait(false);
                report.Methods = none;
                report.NoneSucceeded = none is null;
                if (none is not null && none.Methods.Contains("publickey") && request.Key is { } key)
                {
                    var alg = UserAuth.QueryAlgorithm(key, session.ServerSigAlgs);
                    report.QueryAlgorithm = alg;
                    report.Query = await UserAuth.QueryAsync(session, request.User, key, alg, ct).ConfigureAwait(false);
                    if (key.Type == "ssh-rsa" && alg != "ssh-rsa" && request.CheckSha1Rsa && report.Query == QueryOutcome.PkOk)
                        report.Sha1Query = await UserAuth.QueryAsync(session, request.User, key, "ssh-rsa", ct).ConfigureAwait(false);
                    if (request.Login && request.Signer is { } signer && report.Query == QueryOutcome.PkOk)
                    {
                        Stage("login");
                        report.Login = await UserAuth.SignedAsync(session, request.User, signer, ct).ConfigureAwait(false);
                    }
                }
                Stage("done");
            }
            else
            {
                Stage("done");
            }
            Record(report, session);
            if (report.Login?.Outcome != LoginOutcome.Closed)
                await session.DisconnectAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            report.Error = ConnectionError.Timeout;
            report.ErrorDetail = $"no answer within {request.Timeout.TotalSeconds:0.#} s ({report.Stage})";
        }
        catch (SocketException e)
        {
            report.Error = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => ConnectionError.ConnectionRefused,
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => ConnectionError.UnknownHost,
                SocketError.TimedOut => ConnectionError.Timeout,
                SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                    report.Stage == "banner" ? ConnectionError.NotSsh : ConnectionError.Closed,
                _ => ConnectionError.Unreachable,
            };
            if (report.Error == ConnectionError.NotSsh) report.NotSsh = NotSshKind.ClosedBeforeIdentification;
            report.ResetByPeer = e.SocketErrorCode == SocketError.ConnectionReset;
            report.ErrorDetail = e.Message;
        }
        catch (IOException e)
        {
            report.ResetByPeer = e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset };
            report.Error = report.Stage == "banner" ? ConnectionError.NotSsh : ConnectionError.Closed;
            if (report.Error == ConnectionError.NotSsh) report.NotSsh = NotSshKind.ClosedBeforeIdentification;
            report.ErrorDetail = e.InnerException?.Message ?? e.Message;
        }
        catch (NotSshException e)
        {
            report.Error = ConnectionError.NotSsh;
            report.NotSsh = e.Kind;
            report.ErrorDetail = e.Sample;
        }
        catch (SshDisconnectedException e)
        {
            report.Error = ConnectionError.Closed;
            report.ErrorDetail = e.Message;
        }
        catch (NoCommonAlgorithmException e)
        {
            report.Error = ConnectionError.NoCommonAlgorithm;
            report.ErrorDetail = e.Message;
        }
        catch (SshProtocolException e)
        {
            report.Error = e.Message.Contains("host key signature", StringComparison.Ordinal)
                ? ConnectionError.HostKeyInvalid : ConnectionError.ProtocolError;
            report.ErrorDetail = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else the server's bytes could provoke (a bad point, an overflow) is its protocol error, never a crash.
            report.Error = ConnectionError.ProtocolError;
            report.ErrorDetail = e.Message;
        }
        finally
        {
            if (session is not null)
            {
                Record(report, session);
                await session.DisposeAsync().ConfigureAwait(false);
            }
            report.Milliseconds = clock.ElapsedMilliseconds;
        }
        return report;
    }

    private static void Record(ProbeConnectionReport report, SshClientSession s)
    {
        try
        {
            report.Server ??= s.ServerOrNull;
            report.Offered ??= s.OfferedOrNull;
            report.Negotiated ??= s.NegotiatedOrNull;
            if (report.HostKey is null && s.HostKeyBlob.Length > 0) report.HostKey = PublicKey.FromBlob(s.HostKeyBlob);
            if (s.ServerSigAlgs is not null) report.ServerSigAlgs = s.ServerSigAlgs;
            report.ExtInfoReceived |= s.ServerSigAlgs is not null;
            report.Banners = s.Banners.ToList();
        }
        catch (InvalidOperationException) { }
    }
}
