using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Logs;

/// <summary>What one sshd message says about its connection.</summary>
public enum SshdEventKind
{
    /// <summary>Not an sshd message sshdoctor reads.</summary>
    None,
    /// <summary>VERBOSE `Connection from A port P on …`: a new connection starts.</summary>
    ConnectionFrom,
    /// <summary>A reason sshd refused (carries <see cref="SshdEvent.Cause"/>).</summary>
    Refusal,
    /// <summary>`Failed publickey for U …`: a key was offered and not accepted.</summary>
    FailedPublickey,
    /// <summary>`Failed password/none/keyboard-interactive for …`: a non-key attempt (typical of scanners).</summary>
    FailedOther,
    /// <summary>`Accepted key … found at`, `Postponed publickey`: key activity that is not (yet) a refusal.</summary>
    PublickeyActivity,
    /// <summary>`Accepted publickey|password for U from A`.</summary>
    Accepted,
    /// <summary>The connection ended (`Connection closed by …`, `Disconnected from …`).</summary>
    End,
    /// <summary>A server-wide problem (config, host keys) not tied to a connection.</summary>
    Server,
}

/// <summary>
/// One classified sshd message. <see cref="User"/> and <see cref="Address"/> are set when the line names
/// them; many refusal lines do not (`Authentication refused: bad ownership …`), and are attributed to
/// their connection by <see cref="LogAnalysis"/>.
/// </summary>
public ref struct SshdEvent
{
    public SshdEventKind Kind;
    public FindingId Cause;
    /// <summary>A second ID the same line can mean (the log does not tell them apart).</summary>
    public FindingId? Alternative;
    /// <summary>The fields point into the line being read: valid during one <see cref="LogAnalysis.Add"/> call.</summary>
    public ReadOnlySpan<byte> User;
    public ReadOnlySpan<byte> Address;
    public ReadOnlySpan<byte> Path;
    public ReadOnlySpan<byte> Detail;
    /// <summary>The line names a user (possibly the empty name: `Invalid user  from …`).</summary>
    public bool HasUser;
    /// <summary>For <see cref="SshdEventKind.End"/>: the user was still authenticating (no login).</summary>
    public bool Authenticating;
    /// <summary>The user named by the line is invalid (`… invalid user U …`).</summary>
    public bool InvalidUser;
    /// <summary>A refusal line that also ends the connection (fatal, too many failures).</summary>
    public bool AlsoEnds;

    public static SshdEvent Refused(FindingId id, ReadOnlySpan<byte> user = default, ReadOnlySpan<byte> address = default,
        ReadOnlySpan<byte> path = default, ReadOnlySpan<byte> detail = default, FindingId? alternative = null) =>
        new()
        {
            Kind = SshdEventKind.Refusal, Cause = id, User = user, HasUser = !user.IsEmpty, Address = address, Path = path,
            Detail = detail, Alternative = alternative,
        };

    public readonly string? UserText => HasUser || !User.IsEmpty ? System.Text.Encoding.UTF8.GetString(User) : null;
    public readonly string? AddressText => Address.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(Address);
    public readonly string? PathText => Path.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(Path);
    public readonly string? DetailText => Detail.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(Detail);
}
