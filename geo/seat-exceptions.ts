// Units whose seat (DataV `center`, the gazetteer's `center`) lies outside the unit's own polygon in the source
// itself, unsimplified — not something the build did. Every other seat is inside its own simplified polygon
// (geo/build.golden.test.ts checks both directions). Measured on the DataV snapshot of 2022-01-26; see geo/README.md.
export interface SeatException {
  adcode: number;
  name: string;
  /** Distance from the seat to the unit's own source polygon, metres (rounded). */
  distance: number;
  reason: string;
}

export const SEAT_EXCEPTIONS: SeatException[] = [
  { adcode: 150627, name: '伊金霍洛旗', distance: 2371, reason: 'seat point lies in 康巴什区 (150603), next to the banner' },
  { adcode: 210421, name: '抚顺县', distance: 5820, reason: 'the county government sits in the city proper: seat point in 东洲区 (210403)' },
  { adcode: 211003, name: '文圣区', distance: 1766, reason: 'seat point lies in the neighbouring 白塔区 (211002)' },
  { adcode: 211011, name: '太子河区', distance: 3128, reason: 'seat point lies in the neighbouring 白塔区 (211002)' },
  { adcode: 230811, name: '郊区', distance: 849, reason: 'the suburban district is governed from the city: seat point in 向阳区 (230803)' },
  { adcode: 341103, name: '南谯区', distance: 4584, reason: 'seat point lies in the neighbouring 琅琊区 (341102)' },
  { adcode: 350603, name: '龙文区', distance: 1016, reason: 'seat point lies in the neighbouring 芗城区 (350602)' },
  { adcode: 460300, name: '三沙市', distance: 8990, reason: 'seat on 永兴岛; the source has no island polygon within 9 km of the point' },
  { adcode: 460321, name: '西沙群岛', distance: 261, reason: 'seat point falls in the sea 261 m off the nearest island polygon' },
  { adcode: 511502, name: '翠屏区', distance: 192, reason: 'seat point lies 192 m inside the neighbouring 叙州区 (511504)' },
  { adcode: 650121, name: '乌鲁木齐县', distance: 25312, reason: 'the county government sits in 乌鲁木齐 city: seat point in 新市区 (650104)' },
];
