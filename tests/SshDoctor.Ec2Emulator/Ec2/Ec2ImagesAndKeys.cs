using SshDoctor.Ec2Emulator.Http;
using SshDoctor.Ec2Emulator.Model;
using static SshDoctor.Ec2Emulator.Ec2.Ec2Xml;

namespace SshDoctor.Ec2Emulator.Ec2;

/// <summary>DescribeImages and DescribeKeyPairs.</summary>
internal sealed partial class Ec2Api
{
    private object?[] DescribeImages(Ec2Query q)
    {
        var ids = q.List("ImageId");
        var owners = q.List("Owner");
        var now = DateTime.UtcNow;
        var images = State.Images.Values.OrderBy(i => i.ImageId, StringComparer.Ordinal).AsEnumerable();
        if (ids.Count > 0)
        {
            // Asked by ID: a deprecated image is returned; a disabled one only with IncludeDisabled (EC2's rule).
            var malformed = ids.FirstOrDefault(id => !id.StartsWith("ami-", StringComparison.Ordinal));
            if (malformed is not null) throw ApiError.Ec2("InvalidAMIID.Malformed", $"Invalid id: \"{malformed}\" (expecting \"ami-...\")");
            var missing = ids.FirstOrDefault(id => !State.Images.ContainsKey(id));
            if (missing is not null) throw ApiError.Ec2("InvalidAMIID.NotFound", $"The image id '[{missing}]' does not exist");
            images = images.Where(i => ids.Contains(i.ImageId));
        }
        else if (!q.Bool("IncludeDeprecated")) images = images.Where(i => i.DeprecationTime is not { } d || d > now);
        if (!q.Bool("IncludeDisabled")) images = images.Where(i => !i.Disabled);
        if (owners.Count > 0)
            images = images.Where(i => owners.Any(o => o == i.OwnerId || (o == "self" && i.OwnerId == State.Options.AccountId) || (i.ImageOwnerAlias is { } a && a == o)));
        var filters = new Dictionary<string, Func<ImageSpec, IEnumerable<string?>>>
        {
            ["image-id"] = i => [i.ImageId], ["name"] = i => [i.Name], ["owner-id"] = i => [i.OwnerId], ["owner-alias"] = i => [i.ImageOwnerAlias],
            ["product-code"] = i => i.ProductCodes, ["platform-details"] = i => [i.PlatformDetails], ["state"] = i => [i.Disabled ? "disabled" : "available"],
        };
        var items = q.Filter(images, filters).Select(i => E("item",
            E("imageId", i.ImageId), E("imageLocation", $"{i.OwnerId}/{i.Name}"), E("imageState", i.Disabled ? "disabled" : "available"),
            E("imageOwnerId", i.OwnerId), E("creationDate", i.CreationDate), E("isPublic", i.Public), E("architecture", i.Architecture),
            E("imageType", "machine"),
            E("productCodes", i.ProductCodes.Select(c => E("item", E("productCode", c), E("type", "marketplace"))).Cast<object>().ToArray()),
            Opt("imageOwnerAlias", i.ImageOwnerAlias), E("name", i.Name), E("description", i.Description),
            E("rootDeviceType", "ebs"), E("rootDeviceName", i.RootDeviceName),
            E("blockDeviceMapping", E("item", E("deviceName", i.RootDeviceName), E("ebs", E("snapshotId", "snap-" + i.ImageId[4..]),
                E("volumeSize", 8), E("deleteOnTermination", true), E("volumeType", "gp3"), E("encrypted", false)))),
            E("virtualizationType", "hvm"), E("hypervisor", "xen"), E("enaSupport", true), E("sriovNetSupport", "simple"),
            E("platformDetails", i.PlatformDetails), E("usageOperation", i.UsageOperation),
            i.DeprecationTime is { } dep ? E("deprecationTime", dep) : null));
        return [E("imagesSet", items.Cast<object>().ToArray())];
    }

    private object?[] DescribeKeyPairs(Ec2Query q)
    {
        var names = q.List("KeyName");
        var ids = q.List("KeyPairId");
        var missing = names.FirstOrDefault(n => !State.KeyPairs.ContainsKey(n));
        if (missing is not null) throw ApiError.Ec2("InvalidKeyPair.NotFound", $"The key pair '{missing}' does not exist");
        var missingId = ids.FirstOrDefault(id => State.KeyPairs.Values.All(k => k.Spec.KeyPairId != id));
        if (missingId is not null) throw ApiError.Ec2("InvalidKeyPair.NotFound", $"The key pair ID '{missingId}' does not exist");
        var pairs = State.KeyPairs.Values.OrderBy(k => k.Spec.KeyName, StringComparer.Ordinal)
            .Where(k => (names.Count == 0 || names.Contains(k.Spec.KeyName)) && (ids.Count == 0 || ids.Contains(k.Spec.KeyPairId)));
        var filters = new Dictionary<string, Func<KeyPairRecord, IEnumerable<string?>>>
        {
            ["key-name"] = k => [k.Spec.KeyName], ["key-pair-id"] = k => [k.Spec.KeyPairId], ["fingerprint"] = k => [k.Fingerprint],
        };
        var withKey = q.Bool("IncludePublicKey");
        var items = q.Filter(pairs, filters).Select(k => E("item",
            E("keyPairId", k.Spec.KeyPairId), E("keyName", k.Spec.KeyName), E("keyFingerprint", k.Fingerprint), E("keyType", k.KeyType),
            E("tagSet"), withKey ? E("publicKey", k.PublicKey) : null, E("createTime", k.Spec.CreateTime)));
        return [E("keySet", items.Cast<object>().ToArray())];
    }
}
