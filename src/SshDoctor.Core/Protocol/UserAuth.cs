using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Protocol;

/// <summary>A USERAUTH_FAILURE: the methods that can continue, and whether the last one partly succeeded.</summary>
public sealed record AuthFailure(IReadOnlyList<string> Methods, bool PartialSuccess);

public enum QueryOutcome
{
    /// <summary>SSH_MSG_USERAUTH_PK_OK: this key would be accepted for this user, if signed.</summary>
    PkOk,
    /// <summary>SSH_MSG_USERAUTH_FAILURE to the query.</summary>
    Refused,
}

public enum LoginOutcome
{
    /// <summary>USERAUTH_SUCCESS: the probe disconnected right away, before any channel.</summary>
    Accepted,
    /// <summary>USERAUTH_FAILURE after a valid signature (PermitRootLogin, a rejected signature algorithm, ...).</summary>
    Refused,
    /// <summary>The key was accepted but another method is required (AuthenticationMethods).</summary>
    PartialSuccess,
    /// <summary>The server closed the connection after the signature (PAM account stage: expiry, nologin).</summary>
    Closed,
}

public sealed record LoginResult(LoginOutcome Outcome, string Algorithm, IReadOnlyList<string> Methods, string? Detail);

/// <summary>The ssh-userauth service (RFC 4252): `none`, the unsigned publickey query, a signed attempt.</summary>
internal static class UserAuth
{
    private const string Service = "ssh-connection";

    public static async Task RequestServiceAsync(SshClientSession s, CancellationToken ct)
    {
        await s.SendAsync(new SshWriter().Byte(SshMsg.ServiceRequest).String("ssh-userauth").ToArray(), ct).ConfigureAwait(false);
        var reply = await s.ReceiveAsync(ct).ConfigureAwait(false);
        if (reply[0] != SshMsg.ServiceAccept)
            throw new SshProtocolException($"ssh-userauth service refused (message {reply[0]})");
    }

    /// <summary>`none`: the methods the server offers this user; null when `none` itself succeeded.</summary>
    public static async Task<AuthFailure?> NoneAsync(SshClientSession s, string user, CancellationToken ct)
    {
        var req = new SshWriter().Byte(SshMsg.UserauthRequest).String(user).String(Service).String("none");
        await s.SendAsync(req.ToArray(), ct).ConfigureAwait(false);
        var reply = await s.ReceiveAsync(ct).ConfigureAwait(false);
        return reply[0] switch
        {
            SshMsg.UserauthSuccess => null,
            SshMsg.UserauthFailure => ReadFailure(reply),
            _ => throw new SshProtocolException($"unexpected reply {reply[0]} to userauth none"),
        };
    }

    /// <summary>The query (RFC 4252 §7, has-signature FALSE): sends only the public key.</summary>
    public static async Task<QueryOutcome> QueryAsync(SshClientSession s, string user, PublicKey key, string algorithm, CancellationToken ct)
    {
        var req = new SshWriter().Byte(SshMsg.UserauthRequest).String(user).String(Service).String("publickey")
            .Bool(false).String(algorithm).String(key.Blob);
        await s.SendAsync(req.ToArray(), ct).ConfigureAwait(false);
        var reply = await s.ReceiveAsync(ct).ConfigureAwait(false);
        switch (reply[0])
        {
            case SshMsg.UserauthPkOk:
            {
                var r = new SshReader(reply, 1);
                var alg = r.String();
                var blob = r.Bytes();
                if (alg != algorithm || !blob.AsSpan().SequenceEqual(key.Blob))
                    throw new SshProtocolException("PK_OK names another key");
                return QueryOutcome.PkOk;
            }
            case SshMsg.UserauthFailure:
                return QueryOutcome.Refused;
            default:
                throw new SshProtocolException($"unexpected reply {reply[0]} to the publickey query");
        }
    }

    /// <summary>A signed attempt (`--login`). On success nothing more is sent but a disconnect.</summary>
    public static async Task<LoginResult> SignedAsync(SshClientSession s, string user, IProbeSigner signer, CancellationToken ct)
    {
        var algorithm = signer.SignatureAlgorithm(s.ServerSigAlgs);
        var key = signer.PublicKey;
        var signed = new SshWriter().String(s.SessionId).Byte(SshMsg.UserauthRequest).String(user).String(Service)
            .String("publickey").Bool(true).String(algorithm).String(key.Blob);
        var signature = signer.Sign(algorithm, signed.ToArray());
        var req = new SshWriter().Byte(SshMsg.UserauthRequest).String(user).String(Service).String("publickey")
            .Bool(true).String(algorithm).String(key.Blob).String(signature);
        await s.SendAsync(req.ToArray(), ct).ConfigureAwait(false);
        byte[] reply;
        try
        {
            reply = await s.ReceiveAsync(ct).ConfigureAwait(false);
        }
        catch (SshDisconnectedException e)
        {
            return new LoginResult(LoginOutcome.Closed, algorithm, [], e.Message);
        }
        switch (reply[0])
        {
            case SshMsg.UserauthSuccess:
                return new LoginResult(LoginOutcome.Accepted, algorithm, [], null);
            case SshMsg.UserauthFailure:
            {
                var f = ReadFailure(reply);
                return new LoginResult(f.PartialSuccess ? LoginOutcome.PartialSuccess : LoginOutcome.Refused, algorithm, f.Methods, null);
            }
            default:
                throw new SshProtocolException($"unexpected reply {reply[0]} to the signed attempt");
        }
    }

    private static AuthFailure ReadFailure(byte[] reply)
    {
        var r = new SshReader(reply, 1);
        return new AuthFailure(r.NameList(), r.Bool());
    }

    /// <summary>The signature algorithms a key can be queried with, best first (OpenSSH's choice for RSA).</summary>
    public static string QueryAlgorithm(PublicKey key, IReadOnlyList<string>? serverSigAlgs)
        => key.Type == "ssh-rsa" ? RsaProbeSigner.RsaAlgorithm(serverSigAlgs) : key.Type;
}
