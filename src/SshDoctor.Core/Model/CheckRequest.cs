using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Model;

/// <summary>What `check` judges: a root tree, a user (or all users), optionally a key and a client address.</summary>
public sealed record CheckRequest(string Root, string? User, PublicKey? Key, string? From, bool AllUsers = false);
