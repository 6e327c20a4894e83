// Whether WebGL is drawn in software: Chromium's SwiftShader (the fallback on PCs without a usable GPU, and in
// headless runs), Mesa's llvmpipe/softpipe, Windows' "Basic Render Driver". Such a frame costs 150–600 ms at
// 1366×768 (issue 25), so the map jumps instead of flying there (store/motion.ts).
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** The renderer string of a WebGL context (the unmasked one where the browser gives it). */
export function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' ? name : '';
}
