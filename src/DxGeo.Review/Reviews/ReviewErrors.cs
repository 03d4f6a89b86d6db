using DxGeo.Core.Errors;

namespace DxGeo.Review.Reviews;

/// <summary>Someone changed the finding since the caller read it: the caller must reload and decide again (HTTP 409).</summary>
public sealed class ConcurrencyConflictException(string findingId, long expectedVersion, long actualVersion)
    : DxGeoException($"finding '{findingId}' was changed by someone else (you saw version {expectedVersion}, it is now {actualVersion}); reload it and decide again")
{
    public string FindingId { get; } = findingId;
    public long ExpectedVersion { get; } = expectedVersion;
    public long ActualVersion { get; } = actualVersion;
}

/// <summary>The account's role does not allow the action (HTTP 403).</summary>
public sealed class ReviewForbiddenException(string message) : DxGeoException(message);

/// <summary>The action breaks a review rule for the finding's current state, e.g. the same person reviewing twice (HTTP 409).</summary>
public sealed class ReviewRuleException(string message) : DxGeoException(message);

/// <summary>No finding, image or account with that id (HTTP 404).</summary>
public sealed class ReviewNotFoundException(string message) : DxGeoException(message);
