namespace DxGeo.Imagery.Footprints;

/// <summary>
/// Where a camera is and where it looks, in a local metric frame (metres): position, height above flat ground,
/// yaw (° clockwise from north, the direction the top of the image faces on a nadir shot), pitch (−90 = straight down,
/// 0 = horizontal) and roll (° clockwise about the optical axis, seen from behind the camera).
/// </summary>
public readonly record struct CameraPose(double EastM, double NorthM, double HeightAboveGroundM, double YawDeg, double PitchDeg, double RollDeg = 0);
