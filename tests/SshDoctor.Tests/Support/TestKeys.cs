using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Support;

/// <summary>Fixed public keys generated once with ssh-keygen (private halves discarded).</summary>
public static class TestKeys
{
    public const string Ed25519A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFmCb3tjsCsVg1ce6+syrklIrZI+GkkW9d9Ref6G3/BL alice@laptop";
    public const string Ed25519AB64 = "AAAAC3NzaC1lZDI1NTE5AAAAIFmCb3tjsCsVg1ce6+syrklIrZI+GkkW9d9Ref6G3/BL";
    public const string Ed25519B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8loLk6lCUlI0nvgs4hWGQcSB94hMJlE+oSHWw/j13J bob";
    public const string Rsa2048B64 = "AAAAB3NzaC1yc2EAAAADAQABAAABAQDD/zrrcUEpSJHd8A9/HcjfhcqXgXtVlXFnJqJ16+cQHqPH2QTDs9yRlAErmagsktWt9JeRW7pTCSo1fKvV2oZdG0sZdBpVF6EZhu5th1Y2vHFkQ3CebhHN+8GML2LMFjvtvItia4PYwV+y1b84ZnEzcMPXaLPKrD3gGw/ujeNu8zk74I3IVQopo8l36iR12JTVmR/WRjVaAQUJEr1KP83h30oLJyp8TMaPGvzT0H4iO16B/zVCPyOsIs7VE/yOBAldkUUCSO9CgPz8b/3gOpaKOGoxIXMYINl4itabyLHkLJFKEMx0GhrKm5tASg0zhb53Mf9vs3NFHnqDnBlTXdnD";
    public const string Rsa2048 = "ssh-rsa " + Rsa2048B64 + " rsa2048";
    public const string Ecdsa256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKN+Fifn++G7eF93Fsyv5itImy5FRTUdKUAWfgFGlCKihTav2G6fML+5vub8/n/rw8LpXPm0qtUH+Lu3s/lBTcA= ec";
    public const string Ed25519ASha256 = "SHA256:LizTZG1yJisrG7HUPmNYbWVKeE8/48a+KPcd8VkVjVA";

    public static PublicKey A => PublicKey.FromOpenSshLine(Ed25519A)!;
    public static PublicKey B => PublicKey.FromOpenSshLine(Ed25519B)!;
    public static PublicKey Rsa => PublicKey.FromOpenSshLine(Rsa2048)!;
    public static PublicKey Ec => PublicKey.FromOpenSshLine(Ecdsa256)!;
}
