// Picking and tooltips: which region the pointer means, the hover outline and the tooltip that names it, and the
// click that picks it. The choice of region is pure (pickHit, unit-tested); the class wires it to MapLibre's events.
import type { Map as MlMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { INTERACTIVE_LAYERS, LAYER, SRC } from './ids';
import type { FeatureTarget } from './applied';

export interface Hit {
  source: string;
  adcode: number;
  name: string;
}

type RenderedHit = Pick<MapGeoJSONFeature, 'properties'> & { layer: { id: string } };

/**
 * Which region a pointer means among the features under it. Outside the focused province a click means the
 * province; inside it, the deepest unit drawn at this zoom (district once their borders show, else city). Markers
 * always win.
 */
export function pickHit(hits: readonly RenderedHit[], focus: number | null): Hit | null {
  const as = (source: string, h: RenderedHit): Hit => ({ source, adcode: Number(h.properties.adcode), name: String(h.properties.name) });
  const marker = hits.find((h) => h.layer.id === LAYER.markers);
  if (marker) return as(SRC.markers, marker);
  const province = hits.find((h) => h.layer.id === LAYER.provinceFill);
  if (!province) return null;
  if (focus === Number(province.properties.adcode)) {
    const district = hits.find((h) => h.layer.id === LAYER.districtFill);
    if (district) return as(SRC.districts, district);
    const city = hits.find((h) => h.layer.id === LAYER.cityFill);
    if (city) return as(SRC.cities, city);
  }
  return as(SRC.provinces, province);
}

/** What the pointer needs from the controller. */
export interface PointerHost {
  /** The map can be queried (false while the WebGL context is lost). */
  live(): boolean;
  focus(): number | null;
  count(adcode: number): number;
  /** The hovered feature changed (null: none): set its feature state and the highlight layers. */
  hover(next: FeatureTarget | null, prev: FeatureTarget | null): void;
  tooltip(name: string, count: number): string;
  pick(adcode: number | null, additive: boolean): void;
}

export class Pointer {
  private readonly tooltipEl: HTMLDivElement;
  private hovered: FeatureTarget | null = null;

  constructor(
    private readonly map: MlMap,
    container: HTMLElement,
    private readonly host: PointerHost,
  ) {
    this.tooltipEl = document.createElement('div');
    this.tooltipEl.className = 'map-tooltip';
    this.tooltipEl.setAttribute('role', 'status');
    this.tooltipEl.hidden = true;
    container.appendChild(this.tooltipEl);
    map.on('mousemove', (e) => this.onHover(e));
    map.on('mouseout', () => this.clear());
    map.on('click', (e) => this.onClick(e));
  }

  /** The hovered feature, if any (its highlight layer stays shown). */
  current(): FeatureTarget | null {
    return this.hovered;
  }

  private pick(e: MapMouseEvent): Hit | null {
    if (!this.host.live()) return null;
    const layers = INTERACTIVE_LAYERS.filter((l) => this.map.getLayer(l));
    return pickHit(this.map.queryRenderedFeatures(e.point, { layers: [...layers] }), this.host.focus());
  }

  private onHover(e: MapMouseEvent): void {
    const hit = this.pick(e);
    if (!hit) {
      this.clear();
      return;
    }
    if (this.hovered?.id !== hit.adcode || this.hovered.source !== hit.source) {
      const prev = this.hovered;
      this.hovered = { source: hit.source, id: hit.adcode };
      this.host.hover(this.hovered, prev);
    }
    this.map.getCanvas().style.cursor = 'pointer';
    this.tooltipEl.hidden = false;
    this.tooltipEl.textContent = this.host.tooltip(hit.name, this.host.count(hit.adcode));
    this.tooltipEl.style.transform = `translate(${Math.round(e.point.x + 14)}px, ${Math.round(e.point.y + 14)}px)`;
  }

  /** Ends the hover (pointer left, a click, or the context was lost). */
  clear(): void {
    const prev = this.hovered;
    this.hovered = null;
    if (prev) this.host.hover(null, prev);
    this.tooltipEl.hidden = true;
    this.map.getCanvas().style.cursor = '';
  }

  private onClick(e: MapMouseEvent): void {
    // The tooltip would otherwise stay over the panel or fly-to that the click opens; the next move shows it again.
    this.clear();
    const hit = this.pick(e);
    const ev = e.originalEvent;
    this.host.pick(hit ? hit.adcode : null, ev.shiftKey || ev.ctrlKey || ev.metaKey);
  }

  destroy(): void {
    this.tooltipEl.remove();
  }
}
