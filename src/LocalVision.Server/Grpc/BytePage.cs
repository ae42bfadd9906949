using Google.Protobuf;
using Google.Protobuf.Collections;

namespace LocalVision.Server.Grpc;

/// <summary>
/// One rule for a page whose items can be large (audit entries, solution models): fill it up to a byte budget, always
/// with at least one item — so paging moves on however large one item is — and say when items were left for a
/// next page, so the caller can write the token from what the page holds.
/// </summary>
public static class BytePage
{
    /// <summary>
    /// Adds <paramref name="items"/> to <paramref name="page"/> (the repeated field numbered <paramref name="fieldNumber"/>
    /// of <paramref name="response"/>) while the response's encoded size stays within <paramref name="byteBudget"/>, and
    /// always the first item. The size counted is exact: what <paramref name="response"/> holds already, plus each item
    /// as it is written (tag, length, message). A next-page token the caller sets afterwards is not counted, so leave
    /// room for one in the budget where it matters.
    /// </summary>
    /// <returns>True when an item was left out (the page is full and there is a next page); false when all were added.</returns>
    public static bool Fill<T>(IMessage response, RepeatedField<T> page, int fieldNumber, IEnumerable<T> items, int byteBudget)
        where T : IMessage
    {
        var room = byteBudget - response.CalculateSize();
        var tag = CodedOutputStream.ComputeTagSize(fieldNumber);
        var used = 0;
        foreach (var item in items)
        {
            used += tag + CodedOutputStream.ComputeMessageSize(item);
            if (used > room && page.Count > 0)
            {
                return true;
            }
            page.Add(item);
        }
        return false;
    }
}
