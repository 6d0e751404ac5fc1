using System.Text.RegularExpressions;

namespace SshDoctor.Aws.Ec2;

/// <summary>What DescribeImages and DescribeInstances say about an image, as far as its login user goes.</summary>
public sealed record ImageIdentity(
    string? OwnerId,
    string? OwnerAlias,
    string? Name,
    string? Description,
    string? PlatformDetails,
    IReadOnlyList<string> ProductCodes);

/// <summary>How the default user was found: the image's publisher, its name, a Marketplace product code, PlatformDetails.</summary>
public enum ImageUserSource { Owner, Name, ProductCode, Platform }

/// <summary>The image's default login user(s), first the likeliest, and the distribution it was recognized as.</summary>
public sealed record ImageUsers(string Distribution, IReadOnlyList<string> Users, ImageUserSource Source);

/// <summary>
/// The AWS documentation's table of default users, keyed by the publishers' account IDs and the names their images
/// carry. A copied or shared image has another owner: then its name, a Marketplace product code or PlatformDetails
/// (which survives copies) decide.
/// </summary>
public static partial class ImageUserTable
{
    private sealed record Publisher(string Distribution, string[] Owners, Regex Name, string[] Users);

    // Older releases of some distributions used root or another name: the second user is tried after the first.
    private const string SharedFedoraCentOsOwner = "125523088429";

    private static readonly Publisher[] Publishers =
    [
        new("Amazon Linux", ["137112412989", "210953353124"], Rx(@"^(amzn|al20\d\d|amzn2)-|amazon linux|^al2023"), ["ec2-user"]),
        new("Ubuntu", ["099720109477", "513442679011", "837727238323"], Rx(@"ubuntu"), ["ubuntu"]),
        new("Debian", ["136693071363", "379101102735"], Rx(@"^debian-|debian"), ["admin"]),
        new("Red Hat Enterprise Linux", ["309956199498", "841258680906", "219670896067"], Rx(@"^rhel-|red hat"), ["ec2-user", "root"]),
        new("SUSE Linux Enterprise", ["013907871322"], Rx(@"^suse-|sles"), ["ec2-user", "root"]),
        new("Fedora", ["125523088429"], Rx(@"^fedora"), ["fedora", "ec2-user"]),
        new("CentOS", ["125523088429"], Rx(@"^centos"), ["centos", "ec2-user"]),
        new("Rocky Linux", ["792107900819"], Rx(@"^rocky"), ["rocky"]),
        new("AlmaLinux", ["764336703387"], Rx(@"^almalinux"), ["ec2-user"]),
        new("Oracle Linux", ["131827586825"], Rx(@"^ol\d|oracle linux|^oraclelinux"), ["ec2-user"]),
        new("Bitnami", ["979382823631"], Rx(@"^bitnami"), ["bitnami"]),
        new("FreeBSD", ["782442783595"], Rx(@"^freebsd"), ["ec2-user"]),
    ];

    /// <summary>Marketplace product codes of images whose user differs from their family's (CentOS 7/8 by the CentOS project).</summary>
    private static readonly Dictionary<string, (string Distribution, string[] Users)> ProductCodes = new(StringComparer.Ordinal)
    {
        ["aw0evgkw8e5c1q413zgy5pjce"] = ("CentOS", ["centos"]),
        ["47k9ia2igxpcce2bzo8u3kj03"] = ("CentOS", ["centos"]),
        ["cvugziknvmxgqna9noibqnnsy"] = ("CentOS", ["centos"]),
    };

    public static ImageUsers? Resolve(ImageIdentity image)
    {
        var name = ((image.Name ?? "") + " " + (image.Description ?? "")).Trim();
        // Fedora and CentOS Stream share the account 125523088429: the name tells them apart.
        foreach (var p in Publishers)
            if (image.OwnerId is { } owner && p.Owners.Contains(owner) && (owner != SharedFedoraCentOsOwner || p.Name.IsMatch(name)))
                return new ImageUsers(p.Distribution, p.Users, ImageUserSource.Owner);
        if (image.OwnerAlias == "amazon" && Publishers[0].Name.IsMatch(name))
            return new ImageUsers(Publishers[0].Distribution, Publishers[0].Users, ImageUserSource.Owner);
        foreach (var code in image.ProductCodes)
            if (ProductCodes.TryGetValue(code, out var known))
                return new ImageUsers(known.Distribution, known.Users, ImageUserSource.ProductCode);
        if (name.Length > 0)
            foreach (var p in Publishers)
                if (p.Name.IsMatch(name))
                    return new ImageUsers(p.Distribution, p.Users, ImageUserSource.Name);
        return image.PlatformDetails switch
        {
            { } d when d.StartsWith("Red Hat", StringComparison.Ordinal) => new("Red Hat Enterprise Linux", ["ec2-user", "root"], ImageUserSource.Platform),
            { } d when d.StartsWith("SUSE", StringComparison.Ordinal) => new("SUSE Linux Enterprise", ["ec2-user", "root"], ImageUserSource.Platform),
            { } d when d.StartsWith("Ubuntu Pro", StringComparison.Ordinal) => new("Ubuntu", ["ubuntu"], ImageUserSource.Platform),
            _ => null,
        };
    }

    /// <summary>Windows has no SSH login by key pair: the key pair decrypts the Administrator password instead.</summary>
    public static bool IsWindows(string? platformDetails) =>
        platformDetails is { } d && d.StartsWith("Windows", StringComparison.OrdinalIgnoreCase);

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
