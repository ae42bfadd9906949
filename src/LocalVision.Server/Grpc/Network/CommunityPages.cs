using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using LocalVision.Graph.Network;
using LocalVision.Graph.Store;
using LocalVision.Server.Grpc.Errors;
using LocalVision.V1;

namespace LocalVision.Server.Grpc.Network;

/// <summary>Where a page of a DetectCommunities answer starts: the network's content version it was read from, a community and a member of it.</summary>
public readonly record struct CommunityPosition(long ContentVersion, int Community, int Member);

/// <summary>
/// DetectCommunities in pages of member names. A page token holds the position after the last name, bound to the
/// request (every field but the token and page_size) and to the network's content version, so pages of one answer
/// cannot be mixed with another request's or with a changed network's.
/// </summary>
public static class CommunityPages
{
    public const int DefaultPageSize = 10_000;
    public const int MaxPageSize = 100_000;

    /// <summary>Room kept for the next page's token, which is written after the page is filled.</summary>
    private const int TokenBytes = 256;

    /// <summary>An upper bound on what a community part costs besides its names: its tag and length, id, size and first_member_index.</summary>
    private const int PartBytes = 1 + 5 + 3 * (1 + 5);

    /// <summary>What a token of <paramref name="request"/> is bound to.</summary>
    public static string Query(DetectCommunitiesRequest request) =>
        "communities|" + RequestFingerprint.Of(new DetectCommunitiesRequest(request) { PageToken = "", PageSize = 0 });

    /// <summary>The position a token names, or null for the first page; a token of another request, or not one at all, is a field violation.</summary>
    public static CommunityPosition? Decode(RequestChecks checks, DetectCommunitiesRequest request)
    {
        string? position;
        try
        {
            position = PageToken.Decode(request.PageToken, Query(request));
        }
        catch (GraphValidationException e)
        {
            checks.Violations.AddRange(e.Violations);
            return null;
        }
        if (position is null)
        {
            return null;
        }
        var parts = position.Split('.');
        if (parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var community)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var member))
        {
            return new CommunityPosition(version, community, member);
        }
        checks.Add("page_token", "is not a token this query returned; start again without it");
        return null;
    }

    /// <summary>Refuses a token read from another content version of the network: its pages would not fit with this one's.</summary>
    /// <exception cref="RpcException">FAILED_PRECONDITION NETWORK_CHANGED.</exception>
    public static void CheckUnchanged(CommunityPosition? start, NetworkProjection projection)
    {
        if (start is { } token && token.ContentVersion != projection.ContentVersion)
        {
            const string message = "the network changed since the first page of this answer, so its pages would not fit together; start again without page_token";
            throw RpcErrors.FailedPrecondition(message, [new PreconditionViolation("NETWORK_CHANGED", "page_token", message)]);
        }
    }

    /// <summary>
    /// The page from <paramref name="from"/> (null: the first page): at most <paramref name="pageSize"/> names, and no more than fit
    /// <paramref name="byteBudget"/> (always one, so that paging moves on), with a token for the rest.
    /// </summary>
    /// <param name="membersPerCommunity">How many of each community's members the answer shows; 0 means all.</param>
    /// <param name="query">What the next token is bound to (<see cref="Query"/>).</param>
    public static DetectCommunitiesResponse Page(
        CommunityList list, NetworkProjection projection, CommunityPosition? from, int pageSize, int membersPerCommunity, int byteBudget, string query,
        CancellationToken cancellationToken)
    {
        if (from is { } resumed && !IsWithin(list, resumed, membersPerCommunity))
        {
            throw GraphValidationException.Single("page_token", "is not a token this query returned; start again without it");
        }
        var start = from ?? new CommunityPosition(projection.ContentVersion, 0, 0);
        var response = new DetectCommunitiesResponse { Modularity = list.Modularity, CommunityCount = list.Count };
        var room = byteBudget - response.CalculateSize() - TokenBytes;
        var (community, member) = (start.Community, start.Member);
        var (names, used) = (0, 0);
        while (community < list.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shown = Shown(list, community, membersPerCommunity);
            var part = new Community { Id = community, Size = list.SizeOf(community), FirstMemberIndex = member };
            used += PartBytes;
            while (member < shown)
            {
                var name = projection.NameOf(list.MemberOf(community, member));
                var bytes = 1 + CodedOutputStream.ComputeStringSize(name);
                if (names > 0 && (names >= pageSize || used + bytes > room))
                {
                    break;
                }
                part.Members.Add(name);
                (names, used, member) = (names + 1, used + bytes, member + 1);
            }
            if (part.Members.Count == 0)
            {
                break;
            }
            response.Communities.Add(part);
            if (member < shown)
            {
                break;
            }
            (community, member) = (community + 1, 0);
        }
        if (community < list.Count)
        {
            response.NextPageToken = PageToken.Encode(query, string.Create(CultureInfo.InvariantCulture, $"{start.ContentVersion}.{community}.{member}"));
        }
        return response;
    }

    /// <summary>Whether <paramref name="position"/> is one a page of <paramref name="list"/> could have stopped at.</summary>
    private static bool IsWithin(CommunityList list, CommunityPosition position, int membersPerCommunity) =>
        position.Community >= 0 && position.Community < list.Count
        && position.Member >= 0 && position.Member < Shown(list, position.Community, membersPerCommunity);

    private static int Shown(CommunityList list, int community, int membersPerCommunity) =>
        membersPerCommunity > 0 ? Math.Min(membersPerCommunity, list.SizeOf(community)) : list.SizeOf(community);
}
