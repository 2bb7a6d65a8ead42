section .ksyms progbits alloc noexec nowrite align=8
global ksyms_count, ksyms_table
ksyms_count: dq 930
ksyms_table:
    dq 0x, ksym_name_0
    dq 0xffffffff80100000, ksym_name_1
    dq 0xffffffff80100000, ksym_name_2
    dq 0xffffffff80100018, ksym_name_3
    dq 0xffffffff80100018, ksym_name_4
    dq 0xffffffff8010006b, ksym_name_5
    dq 0xffffffff80100075, ksym_name_6
    dq 0xffffffff8010009b, ksym_name_7
    dq 0xffffffff801000a2, ksym_name_8
    dq 0xffffffff801000a9, ksym_name_9
    dq 0xffffffff801000dc, ksym_name_10
    dq 0xffffffff801000fa, ksym_name_11
    dq 0xffffffff801000ff, ksym_name_12
    dq 0xffffffff8010010a, ksym_name_13
    dq 0xffffffff8010010d, ksym_name_14
    dq 0xffffffff8010012a, ksym_name_15
    dq 0xffffffff80100140, ksym_name_16
    dq 0xffffffff80100190, ksym_name_17
    dq 0xffffffff801004a0, ksym_name_18
    dq 0xffffffff80100690, ksym_name_19
    dq 0xffffffff80100740, ksym_name_20
    dq 0xffffffff80100780, ksym_name_21
    dq 0xffffffff801007a0, ksym_name_22
    dq 0xffffffff80100870, ksym_name_23
    dq 0xffffffff80100a30, ksym_name_24
    dq 0xffffffff80100ab0, ksym_name_25
    dq 0xffffffff80100b40, ksym_name_26
    dq 0xffffffff80100b60, ksym_name_27
    dq 0xffffffff80100b70, ksym_name_28
    dq 0xffffffff80100bb0, ksym_name_29
    dq 0xffffffff80100be0, ksym_name_30
    dq 0xffffffff80100cb0, ksym_name_31
    dq 0xffffffff80100cd0, ksym_name_32
    dq 0xffffffff80100ce0, ksym_name_33
    dq 0xffffffff80100d20, ksym_name_34
    dq 0xffffffff80100d40, ksym_name_35
    dq 0xffffffff80100d60, ksym_name_36
    dq 0xffffffff80100dd0, ksym_name_37
    dq 0xffffffff80100f20, ksym_name_38
    dq 0xffffffff80100f80, ksym_name_39
    dq 0xffffffff80100fb0, ksym_name_40
    dq 0xffffffff80101670, ksym_name_41
    dq 0xffffffff80101700, ksym_name_42
    dq 0xffffffff80101780, ksym_name_43
    dq 0xffffffff801017d0, ksym_name_44
    dq 0xffffffff80101880, ksym_name_45
    dq 0xffffffff801019e0, ksym_name_46
    dq 0xffffffff80101a00, ksym_name_47
    dq 0xffffffff80101a50, ksym_name_48
    dq 0xffffffff80101a80, ksym_name_49
    dq 0xffffffff80101ac0, ksym_name_50
    dq 0xffffffff80101ae0, ksym_name_51
    dq 0xffffffff80101b10, ksym_name_52
    dq 0xffffffff80101b40, ksym_name_53
    dq 0xffffffff80101b80, ksym_name_54
    dq 0xffffffff80101bc0, ksym_name_55
    dq 0xffffffff80101bf0, ksym_name_56
    dq 0xffffffff80101c40, ksym_name_57
    dq 0xffffffff80101c70, ksym_name_58
    dq 0xffffffff80101d70, ksym_name_59
    dq 0xffffffff80101dd0, ksym_name_60
    dq 0xffffffff80101e60, ksym_name_61
    dq 0xffffffff80101ea0, ksym_name_62
    dq 0xffffffff80101f30, ksym_name_63
    dq 0xffffffff80102070, ksym_name_64
    dq 0xffffffff80102080, ksym_name_65
    dq 0xffffffff801021b0, ksym_name_66
    dq 0xffffffff80102250, ksym_name_67
    dq 0xffffffff80102270, ksym_name_68
    dq 0xffffffff80102290, ksym_name_69
    dq 0xffffffff801022e0, ksym_name_70
    dq 0xffffffff80102410, ksym_name_71
    dq 0xffffffff801025a0, ksym_name_72
    dq 0xffffffff80102610, ksym_name_73
    dq 0xffffffff80102619, ksym_name_74
    dq 0xffffffff80102622, ksym_name_75
    dq 0xffffffff8010262b, ksym_name_76
    dq 0xffffffff80102634, ksym_name_77
    dq 0xffffffff8010263d, ksym_name_78
    dq 0xffffffff80102646, ksym_name_79
    dq 0xffffffff8010264f, ksym_name_80
    dq 0xffffffff80102658, ksym_name_81
    dq 0xffffffff8010265f, ksym_name_82
    dq 0xffffffff80102668, ksym_name_83
    dq 0xffffffff8010266f, ksym_name_84
    dq 0xffffffff80102676, ksym_name_85
    dq 0xffffffff8010267d, ksym_name_86
    dq 0xffffffff80102684, ksym_name_87
    dq 0xffffffff8010268b, ksym_name_88
    dq 0xffffffff80102694, ksym_name_89
    dq 0xffffffff8010269d, ksym_name_90
    dq 0xffffffff801026a4, ksym_name_91
    dq 0xffffffff801026ad, ksym_name_92
    dq 0xffffffff801026b6, ksym_name_93
    dq 0xffffffff801026bf, ksym_name_94
    dq 0xffffffff801026c6, ksym_name_95
    dq 0xffffffff801026cf, ksym_name_96
    dq 0xffffffff801026d8, ksym_name_97
    dq 0xffffffff801026e1, ksym_name_98
    dq 0xffffffff801026ea, ksym_name_99
    dq 0xffffffff801026f3, ksym_name_100
    dq 0xffffffff801026fc, ksym_name_101
    dq 0xffffffff80102705, ksym_name_102
    dq 0xffffffff8010270c, ksym_name_103
    dq 0xffffffff80102713, ksym_name_104
    dq 0xffffffff8010271c, ksym_name_105
    dq 0xffffffff80102725, ksym_name_106
    dq 0xffffffff8010272e, ksym_name_107
    dq 0xffffffff80102737, ksym_name_108
    dq 0xffffffff80102740, ksym_name_109
    dq 0xffffffff80102749, ksym_name_110
    dq 0xffffffff80102752, ksym_name_111
    dq 0xffffffff8010275b, ksym_name_112
    dq 0xffffffff80102764, ksym_name_113
    dq 0xffffffff8010276d, ksym_name_114
    dq 0xffffffff80102776, ksym_name_115
    dq 0xffffffff8010277f, ksym_name_116
    dq 0xffffffff80102788, ksym_name_117
    dq 0xffffffff80102791, ksym_name_118
    dq 0xffffffff8010279a, ksym_name_119
    dq 0xffffffff801027a3, ksym_name_120
    dq 0xffffffff801027ac, ksym_name_121
    dq 0xffffffff801027b5, ksym_name_122
    dq 0xffffffff801027be, ksym_name_123
    dq 0xffffffff801027c7, ksym_name_124
    dq 0xffffffff801027d0, ksym_name_125
    dq 0xffffffff801027d9, ksym_name_126
    dq 0xffffffff801027e2, ksym_name_127
    dq 0xffffffff801027eb, ksym_name_128
    dq 0xffffffff801027f4, ksym_name_129
    dq 0xffffffff801027fd, ksym_name_130
    dq 0xffffffff80102806, ksym_name_131
    dq 0xffffffff8010280f, ksym_name_132
    dq 0xffffffff80102818, ksym_name_133
    dq 0xffffffff80102821, ksym_name_134
    dq 0xffffffff8010282a, ksym_name_135
    dq 0xffffffff80102833, ksym_name_136
    dq 0xffffffff8010283c, ksym_name_137
    dq 0xffffffff80102845, ksym_name_138
    dq 0xffffffff8010284e, ksym_name_139
    dq 0xffffffff80102857, ksym_name_140
    dq 0xffffffff80102860, ksym_name_141
    dq 0xffffffff80102869, ksym_name_142
    dq 0xffffffff80102872, ksym_name_143
    dq 0xffffffff8010287b, ksym_name_144
    dq 0xffffffff80102884, ksym_name_145
    dq 0xffffffff8010288d, ksym_name_146
    dq 0xffffffff80102896, ksym_name_147
    dq 0xffffffff8010289f, ksym_name_148
    dq 0xffffffff801028a8, ksym_name_149
    dq 0xffffffff801028b1, ksym_name_150
    dq 0xffffffff801028ba, ksym_name_151
    dq 0xffffffff801028c3, ksym_name_152
    dq 0xffffffff801028cc, ksym_name_153
    dq 0xffffffff801028d5, ksym_name_154
    dq 0xffffffff801028de, ksym_name_155
    dq 0xffffffff801028e7, ksym_name_156
    dq 0xffffffff801028f0, ksym_name_157
    dq 0xffffffff801028f9, ksym_name_158
    dq 0xffffffff80102902, ksym_name_159
    dq 0xffffffff8010290b, ksym_name_160
    dq 0xffffffff80102914, ksym_name_161
    dq 0xffffffff8010291d, ksym_name_162
    dq 0xffffffff80102926, ksym_name_163
    dq 0xffffffff8010292f, ksym_name_164
    dq 0xffffffff80102938, ksym_name_165
    dq 0xffffffff80102941, ksym_name_166
    dq 0xffffffff8010294a, ksym_name_167
    dq 0xffffffff80102953, ksym_name_168
    dq 0xffffffff8010295c, ksym_name_169
    dq 0xffffffff80102965, ksym_name_170
    dq 0xffffffff8010296e, ksym_name_171
    dq 0xffffffff80102977, ksym_name_172
    dq 0xffffffff80102980, ksym_name_173
    dq 0xffffffff80102989, ksym_name_174
    dq 0xffffffff80102992, ksym_name_175
    dq 0xffffffff8010299b, ksym_name_176
    dq 0xffffffff801029a4, ksym_name_177
    dq 0xffffffff801029ad, ksym_name_178
    dq 0xffffffff801029b6, ksym_name_179
    dq 0xffffffff801029bf, ksym_name_180
    dq 0xffffffff801029c8, ksym_name_181
    dq 0xffffffff801029d1, ksym_name_182
    dq 0xffffffff801029da, ksym_name_183
    dq 0xffffffff801029e3, ksym_name_184
    dq 0xffffffff801029ec, ksym_name_185
    dq 0xffffffff801029f5, ksym_name_186
    dq 0xffffffff801029fe, ksym_name_187
    dq 0xffffffff80102a07, ksym_name_188
    dq 0xffffffff80102a10, ksym_name_189
    dq 0xffffffff80102a19, ksym_name_190
    dq 0xffffffff80102a22, ksym_name_191
    dq 0xffffffff80102a2b, ksym_name_192
    dq 0xffffffff80102a34, ksym_name_193
    dq 0xffffffff80102a3d, ksym_name_194
    dq 0xffffffff80102a46, ksym_name_195
    dq 0xffffffff80102a4f, ksym_name_196
    dq 0xffffffff80102a58, ksym_name_197
    dq 0xffffffff80102a61, ksym_name_198
    dq 0xffffffff80102a6a, ksym_name_199
    dq 0xffffffff80102a73, ksym_name_200
    dq 0xffffffff80102a7c, ksym_name_201
    dq 0xffffffff80102a88, ksym_name_202
    dq 0xffffffff80102a94, ksym_name_203
    dq 0xffffffff80102aa0, ksym_name_204
    dq 0xffffffff80102aac, ksym_name_205
    dq 0xffffffff80102ab8, ksym_name_206
    dq 0xffffffff80102ac4, ksym_name_207
    dq 0xffffffff80102ad0, ksym_name_208
    dq 0xffffffff80102adc, ksym_name_209
    dq 0xffffffff80102ae8, ksym_name_210
    dq 0xffffffff80102af4, ksym_name_211
    dq 0xffffffff80102b00, ksym_name_212
    dq 0xffffffff80102b0c, ksym_name_213
    dq 0xffffffff80102b18, ksym_name_214
    dq 0xffffffff80102b24, ksym_name_215
    dq 0xffffffff80102b30, ksym_name_216
    dq 0xffffffff80102b3c, ksym_name_217
    dq 0xffffffff80102b48, ksym_name_218
    dq 0xffffffff80102b54, ksym_name_219
    dq 0xffffffff80102b60, ksym_name_220
    dq 0xffffffff80102b6c, ksym_name_221
    dq 0xffffffff80102b78, ksym_name_222
    dq 0xffffffff80102b84, ksym_name_223
    dq 0xffffffff80102b90, ksym_name_224
    dq 0xffffffff80102b9c, ksym_name_225
    dq 0xffffffff80102ba8, ksym_name_226
    dq 0xffffffff80102bb4, ksym_name_227
    dq 0xffffffff80102bc0, ksym_name_228
    dq 0xffffffff80102bcc, ksym_name_229
    dq 0xffffffff80102bd8, ksym_name_230
    dq 0xffffffff80102be4, ksym_name_231
    dq 0xffffffff80102bf0, ksym_name_232
    dq 0xffffffff80102bfc, ksym_name_233
    dq 0xffffffff80102c08, ksym_name_234
    dq 0xffffffff80102c14, ksym_name_235
    dq 0xffffffff80102c20, ksym_name_236
    dq 0xffffffff80102c2c, ksym_name_237
    dq 0xffffffff80102c38, ksym_name_238
    dq 0xffffffff80102c44, ksym_name_239
    dq 0xffffffff80102c50, ksym_name_240
    dq 0xffffffff80102c5c, ksym_name_241
    dq 0xffffffff80102c68, ksym_name_242
    dq 0xffffffff80102c74, ksym_name_243
    dq 0xffffffff80102c80, ksym_name_244
    dq 0xffffffff80102c8c, ksym_name_245
    dq 0xffffffff80102c98, ksym_name_246
    dq 0xffffffff80102ca4, ksym_name_247
    dq 0xffffffff80102cb0, ksym_name_248
    dq 0xffffffff80102cbc, ksym_name_249
    dq 0xffffffff80102cc8, ksym_name_250
    dq 0xffffffff80102cd4, ksym_name_251
    dq 0xffffffff80102ce0, ksym_name_252
    dq 0xffffffff80102cec, ksym_name_253
    dq 0xffffffff80102cf8, ksym_name_254
    dq 0xffffffff80102d04, ksym_name_255
    dq 0xffffffff80102d10, ksym_name_256
    dq 0xffffffff80102d1c, ksym_name_257
    dq 0xffffffff80102d28, ksym_name_258
    dq 0xffffffff80102d34, ksym_name_259
    dq 0xffffffff80102d40, ksym_name_260
    dq 0xffffffff80102d4c, ksym_name_261
    dq 0xffffffff80102d58, ksym_name_262
    dq 0xffffffff80102d64, ksym_name_263
    dq 0xffffffff80102d70, ksym_name_264
    dq 0xffffffff80102d7c, ksym_name_265
    dq 0xffffffff80102d88, ksym_name_266
    dq 0xffffffff80102d94, ksym_name_267
    dq 0xffffffff80102da0, ksym_name_268
    dq 0xffffffff80102dac, ksym_name_269
    dq 0xffffffff80102db8, ksym_name_270
    dq 0xffffffff80102dc4, ksym_name_271
    dq 0xffffffff80102dd0, ksym_name_272
    dq 0xffffffff80102ddc, ksym_name_273
    dq 0xffffffff80102de8, ksym_name_274
    dq 0xffffffff80102df4, ksym_name_275
    dq 0xffffffff80102e00, ksym_name_276
    dq 0xffffffff80102e0c, ksym_name_277
    dq 0xffffffff80102e18, ksym_name_278
    dq 0xffffffff80102e24, ksym_name_279
    dq 0xffffffff80102e30, ksym_name_280
    dq 0xffffffff80102e3c, ksym_name_281
    dq 0xffffffff80102e48, ksym_name_282
    dq 0xffffffff80102e54, ksym_name_283
    dq 0xffffffff80102e60, ksym_name_284
    dq 0xffffffff80102e6c, ksym_name_285
    dq 0xffffffff80102e78, ksym_name_286
    dq 0xffffffff80102e84, ksym_name_287
    dq 0xffffffff80102e90, ksym_name_288
    dq 0xffffffff80102e9c, ksym_name_289
    dq 0xffffffff80102ea8, ksym_name_290
    dq 0xffffffff80102eb4, ksym_name_291
    dq 0xffffffff80102ec0, ksym_name_292
    dq 0xffffffff80102ecc, ksym_name_293
    dq 0xffffffff80102ed8, ksym_name_294
    dq 0xffffffff80102ee4, ksym_name_295
    dq 0xffffffff80102ef0, ksym_name_296
    dq 0xffffffff80102efc, ksym_name_297
    dq 0xffffffff80102f08, ksym_name_298
    dq 0xffffffff80102f14, ksym_name_299
    dq 0xffffffff80102f20, ksym_name_300
    dq 0xffffffff80102f2c, ksym_name_301
    dq 0xffffffff80102f38, ksym_name_302
    dq 0xffffffff80102f44, ksym_name_303
    dq 0xffffffff80102f50, ksym_name_304
    dq 0xffffffff80102f5c, ksym_name_305
    dq 0xffffffff80102f68, ksym_name_306
    dq 0xffffffff80102f74, ksym_name_307
    dq 0xffffffff80102f80, ksym_name_308
    dq 0xffffffff80102f8c, ksym_name_309
    dq 0xffffffff80102f98, ksym_name_310
    dq 0xffffffff80102fa4, ksym_name_311
    dq 0xffffffff80102fb0, ksym_name_312
    dq 0xffffffff80102fbc, ksym_name_313
    dq 0xffffffff80102fc8, ksym_name_314
    dq 0xffffffff80102fd1, ksym_name_315
    dq 0xffffffff80102fda, ksym_name_316
    dq 0xffffffff80102fe3, ksym_name_317
    dq 0xffffffff80102fec, ksym_name_318
    dq 0xffffffff80102ff5, ksym_name_319
    dq 0xffffffff80102ffe, ksym_name_320
    dq 0xffffffff80103007, ksym_name_321
    dq 0xffffffff80103010, ksym_name_322
    dq 0xffffffff80103019, ksym_name_323
    dq 0xffffffff80103022, ksym_name_324
    dq 0xffffffff8010302b, ksym_name_325
    dq 0xffffffff80103034, ksym_name_326
    dq 0xffffffff8010303d, ksym_name_327
    dq 0xffffffff80103046, ksym_name_328
    dq 0xffffffff8010304f, ksym_name_329
    dq 0xffffffff80103071, ksym_name_330
    dq 0xffffffff8010308e, ksym_name_331
    dq 0xffffffff801030c0, ksym_name_332
    dq 0xffffffff80103130, ksym_name_333
    dq 0xffffffff801031c0, ksym_name_334
    dq 0xffffffff80103230, ksym_name_335
    dq 0xffffffff80103270, ksym_name_336
    dq 0xffffffff801032b0, ksym_name_337
    dq 0xffffffff801032c0, ksym_name_338
    dq 0xffffffff801032d0, ksym_name_339
    dq 0xffffffff801032f0, ksym_name_340
    dq 0xffffffff80103310, ksym_name_341
    dq 0xffffffff80103320, ksym_name_342
    dq 0xffffffff801039d0, ksym_name_343
    dq 0xffffffff801039f0, ksym_name_344
    dq 0xffffffff80103a20, ksym_name_345
    dq 0xffffffff80103a70, ksym_name_346
    dq 0xffffffff80103a90, ksym_name_347
    dq 0xffffffff80103b30, ksym_name_348
    dq 0xffffffff80103b60, ksym_name_349
    dq 0xffffffff80103c10, ksym_name_350
    dq 0xffffffff80103c30, ksym_name_351
    dq 0xffffffff80103d00, ksym_name_352
    dq 0xffffffff80103d20, ksym_name_353
    dq 0xffffffff80103d90, ksym_name_354
    dq 0xffffffff80103de0, ksym_name_355
    dq 0xffffffff80103df0, ksym_name_356
    dq 0xffffffff80103f40, ksym_name_357
    dq 0xffffffff80103fe0, ksym_name_358
    dq 0xffffffff801040b0, ksym_name_359
    dq 0xffffffff801040d0, ksym_name_360
    dq 0xffffffff801042b0, ksym_name_361
    dq 0xffffffff801043b0, ksym_name_362
    dq 0xffffffff801044e0, ksym_name_363
    dq 0xffffffff80104570, ksym_name_364
    dq 0xffffffff80104630, ksym_name_365
    dq 0xffffffff80104780, ksym_name_366
    dq 0xffffffff80104920, ksym_name_367
    dq 0xffffffff801049e0, ksym_name_368
    dq 0xffffffff80104a80, ksym_name_369
    dq 0xffffffff80104a90, ksym_name_370
    dq 0xffffffff80104b20, ksym_name_371
    dq 0xffffffff80104bb0, ksym_name_372
    dq 0xffffffff80104c10, ksym_name_373
    dq 0xffffffff80104c50, ksym_name_374
    dq 0xffffffff80104c90, ksym_name_375
    dq 0xffffffff80104d20, ksym_name_376
    dq 0xffffffff80104d80, ksym_name_377
    dq 0xffffffff80104dc0, ksym_name_378
    dq 0xffffffff80104dd0, ksym_name_379
    dq 0xffffffff80104e60, ksym_name_380
    dq 0xffffffff80104eb0, ksym_name_381
    dq 0xffffffff80104f00, ksym_name_382
    dq 0xffffffff80104f50, ksym_name_383
    dq 0xffffffff80104fa0, ksym_name_384
    dq 0xffffffff80105030, ksym_name_385
    dq 0xffffffff80105110, ksym_name_386
    dq 0xffffffff80105260, ksym_name_387
    dq 0xffffffff80105320, ksym_name_388
    dq 0xffffffff801053e0, ksym_name_389
    dq 0xffffffff801055a0, ksym_name_390
    dq 0xffffffff80105690, ksym_name_391
    dq 0xffffffff80105700, ksym_name_392
    dq 0xffffffff80105740, ksym_name_393
    dq 0xffffffff801057e0, ksym_name_394
    dq 0xffffffff801058b0, ksym_name_395
    dq 0xffffffff801059a0, ksym_name_396
    dq 0xffffffff801061a0, ksym_name_397
    dq 0xffffffff80106270, ksym_name_398
    dq 0xffffffff80106280, ksym_name_399
    dq 0xffffffff80106360, ksym_name_400
    dq 0xffffffff80106370, ksym_name_401
    dq 0xffffffff801063c0, ksym_name_402
    dq 0xffffffff80106420, ksym_name_403
    dq 0xffffffff80106430, ksym_name_404
    dq 0xffffffff80106440, ksym_name_405
    dq 0xffffffff80106460, ksym_name_406
    dq 0xffffffff80106510, ksym_name_407
    dq 0xffffffff801067f0, ksym_name_408
    dq 0xffffffff801068d0, ksym_name_409
    dq 0xffffffff80106a30, ksym_name_410
    dq 0xffffffff80106af0, ksym_name_411
    dq 0xffffffff80106b10, ksym_name_412
    dq 0xffffffff80106bd0, ksym_name_413
    dq 0xffffffff80106ca0, ksym_name_414
    dq 0xffffffff80106d70, ksym_name_415
    dq 0xffffffff80106e30, ksym_name_416
    dq 0xffffffff80106f50, ksym_name_417
    dq 0xffffffff80107200, ksym_name_418
    dq 0xffffffff801073b0, ksym_name_419
    dq 0xffffffff80107500, ksym_name_420
    dq 0xffffffff80107510, ksym_name_421
    dq 0xffffffff80107560, ksym_name_422
    dq 0xffffffff80107600, ksym_name_423
    dq 0xffffffff80107690, ksym_name_424
    dq 0xffffffff80107730, ksym_name_425
    dq 0xffffffff801077f0, ksym_name_426
    dq 0xffffffff80107900, ksym_name_427
    dq 0xffffffff80107910, ksym_name_428
    dq 0xffffffff80107920, ksym_name_429
    dq 0xffffffff80107d50, ksym_name_430
    dq 0xffffffff80107d80, ksym_name_431
    dq 0xffffffff80108000, ksym_name_432
    dq 0xffffffff80108020, ksym_name_433
    dq 0xffffffff80108060, ksym_name_434
    dq 0xffffffff801080f0, ksym_name_435
    dq 0xffffffff801082b0, ksym_name_436
    dq 0xffffffff80108410, ksym_name_437
    dq 0xffffffff80108480, ksym_name_438
    dq 0xffffffff80108490, ksym_name_439
    dq 0xffffffff801084c0, ksym_name_440
    dq 0xffffffff80108530, ksym_name_441
    dq 0xffffffff801085a0, ksym_name_442
    dq 0xffffffff801086b0, ksym_name_443
    dq 0xffffffff801086c0, ksym_name_444
    dq 0xffffffff801086e0, ksym_name_445
    dq 0xffffffff80108750, ksym_name_446
    dq 0xffffffff80108770, ksym_name_447
    dq 0xffffffff80108790, ksym_name_448
    dq 0xffffffff801087b0, ksym_name_449
    dq 0xffffffff80108920, ksym_name_450
    dq 0xffffffff801089b0, ksym_name_451
    dq 0xffffffff80108a40, ksym_name_452
    dq 0xffffffff80108ad0, ksym_name_453
    dq 0xffffffff80108b00, ksym_name_454
    dq 0xffffffff80108b20, ksym_name_455
    dq 0xffffffff80108b40, ksym_name_456
    dq 0xffffffff80108b60, ksym_name_457
    dq 0xffffffff80108cb0, ksym_name_458
    dq 0xffffffff80108cc0, ksym_name_459
    dq 0xffffffff80108cf0, ksym_name_460
    dq 0xffffffff80108d10, ksym_name_461
    dq 0xffffffff80108d90, ksym_name_462
    dq 0xffffffff80108da0, ksym_name_463
    dq 0xffffffff80108e20, ksym_name_464
    dq 0xffffffff80108ff0, ksym_name_465
    dq 0xffffffff80109040, ksym_name_466
    dq 0xffffffff801090a0, ksym_name_467
    dq 0xffffffff801090b0, ksym_name_468
    dq 0xffffffff801090d0, ksym_name_469
    dq 0xffffffff80109140, ksym_name_470
    dq 0xffffffff80109170, ksym_name_471
    dq 0xffffffff80109210, ksym_name_472
    dq 0xffffffff80109290, ksym_name_473
    dq 0xffffffff801093b0, ksym_name_474
    dq 0xffffffff80109480, ksym_name_475
    dq 0xffffffff801094a0, ksym_name_476
    dq 0xffffffff801094d0, ksym_name_477
    dq 0xffffffff801096a0, ksym_name_478
    dq 0xffffffff80109730, ksym_name_479
    dq 0xffffffff80109860, ksym_name_480
    dq 0xffffffff80109960, ksym_name_481
    dq 0xffffffff80109970, ksym_name_482
    dq 0xffffffff80109980, ksym_name_483
    dq 0xffffffff801099d0, ksym_name_484
    dq 0xffffffff80109a00, ksym_name_485
    dq 0xffffffff80109a70, ksym_name_486
    dq 0xffffffff80109a90, ksym_name_487
    dq 0xffffffff80109aa0, ksym_name_488
    dq 0xffffffff80109b00, ksym_name_489
    dq 0xffffffff80109b20, ksym_name_490
    dq 0xffffffff80109b80, ksym_name_491
    dq 0xffffffff80109c20, ksym_name_492
    dq 0xffffffff80109c50, ksym_name_493
    dq 0xffffffff80109c60, ksym_name_494
    dq 0xffffffff80109ca0, ksym_name_495
    dq 0xffffffff80109cd0, ksym_name_496
    dq 0xffffffff80109cf0, ksym_name_497
    dq 0xffffffff80109d40, ksym_name_498
    dq 0xffffffff80109d90, ksym_name_499
    dq 0xffffffff80109e50, ksym_name_500
    dq 0xffffffff80109e90, ksym_name_501
    dq 0xffffffff80109eb0, ksym_name_502
    dq 0xffffffff80109ed0, ksym_name_503
    dq 0xffffffff80109ef0, ksym_name_504
    dq 0xffffffff80109f10, ksym_name_505
    dq 0xffffffff8010a460, ksym_name_506
    dq 0xffffffff8010a520, ksym_name_507
    dq 0xffffffff8010a5a0, ksym_name_508
    dq 0xffffffff8010a5b0, ksym_name_509
    dq 0xffffffff8010a820, ksym_name_510
    dq 0xffffffff8010a910, ksym_name_511
    dq 0xffffffff8010a980, ksym_name_512
    dq 0xffffffff8010aa50, ksym_name_513
    dq 0xffffffff8010ac20, ksym_name_514
    dq 0xffffffff8010ac50, ksym_name_515
    dq 0xffffffff8010ac90, ksym_name_516
    dq 0xffffffff8010ad50, ksym_name_517
    dq 0xffffffff8010aeb0, ksym_name_518
    dq 0xffffffff8010aed0, ksym_name_519
    dq 0xffffffff8010af90, ksym_name_520
    dq 0xffffffff8010afc0, ksym_name_521
    dq 0xffffffff8010afe0, ksym_name_522
    dq 0xffffffff8010b1e0, ksym_name_523
    dq 0xffffffff8010b220, ksym_name_524
    dq 0xffffffff8010b2c0, ksym_name_525
    dq 0xffffffff8010b3f0, ksym_name_526
    dq 0xffffffff8010b450, ksym_name_527
    dq 0xffffffff8010b480, ksym_name_528
    dq 0xffffffff8010b550, ksym_name_529
    dq 0xffffffff8010b590, ksym_name_530
    dq 0xffffffff8010b620, ksym_name_531
    dq 0xffffffff8010b670, ksym_name_532
    dq 0xffffffff8010b7b0, ksym_name_533
    dq 0xffffffff8010b7d0, ksym_name_534
    dq 0xffffffff8010b870, ksym_name_535
    dq 0xffffffff8010b900, ksym_name_536
    dq 0xffffffff8010bb90, ksym_name_537
    dq 0xffffffff8010bc40, ksym_name_538
    dq 0xffffffff8010bc70, ksym_name_539
    dq 0xffffffff8010bd50, ksym_name_540
    dq 0xffffffff8010be70, ksym_name_541
    dq 0xffffffff8010bf00, ksym_name_542
    dq 0xffffffff8010c060, ksym_name_543
    dq 0xffffffff8010c180, ksym_name_544
    dq 0xffffffff8010c2a0, ksym_name_545
    dq 0xffffffff8010c3f0, ksym_name_546
    dq 0xffffffff8010c430, ksym_name_547
    dq 0xffffffff8010c4b0, ksym_name_548
    dq 0xffffffff8010c510, ksym_name_549
    dq 0xffffffff8010c52b, ksym_name_550
    dq 0xffffffff8010c540, ksym_name_551
    dq 0xffffffff8010c5d3, ksym_name_552
    dq 0xffffffff8010c5e0, ksym_name_553
    dq 0xffffffff8010c620, ksym_name_554
    dq 0xffffffff8010c630, ksym_name_555
    dq 0xffffffff8010c6d0, ksym_name_556
    dq 0xffffffff8010c750, ksym_name_557
    dq 0xffffffff8010c7a0, ksym_name_558
    dq 0xffffffff8010c8a0, ksym_name_559
    dq 0xffffffff8010c990, ksym_name_560
    dq 0xffffffff8010ca30, ksym_name_561
    dq 0xffffffff8010cba0, ksym_name_562
    dq 0xffffffff8010ccd0, ksym_name_563
    dq 0xffffffff8010ce50, ksym_name_564
    dq 0xffffffff8010cf70, ksym_name_565
    dq 0xffffffff8010d080, ksym_name_566
    dq 0xffffffff8010d1b0, ksym_name_567
    dq 0xffffffff8010d290, ksym_name_568
    dq 0xffffffff8010d310, ksym_name_569
    dq 0xffffffff8010d4a0, ksym_name_570
    dq 0xffffffff8010d520, ksym_name_571
    dq 0xffffffff8010d540, ksym_name_572
    dq 0xffffffff8010d5a0, ksym_name_573
    dq 0xffffffff8010d620, ksym_name_574
    dq 0xffffffff8010da60, ksym_name_575
    dq 0xffffffff8010dad0, ksym_name_576
    dq 0xffffffff8010db30, ksym_name_577
    dq 0xffffffff8010e160, ksym_name_578
    dq 0xffffffff8010e190, ksym_name_579
    dq 0xffffffff8010e1c0, ksym_name_580
    dq 0xffffffff8010e230, ksym_name_581
    dq 0xffffffff8010e2d0, ksym_name_582
    dq 0xffffffff8010e2e0, ksym_name_583
    dq 0xffffffff8010e3b0, ksym_name_584
    dq 0xffffffff8010e400, ksym_name_585
    dq 0xffffffff8010e450, ksym_name_586
    dq 0xffffffff8010e470, ksym_name_587
    dq 0xffffffff8010e480, ksym_name_588
    dq 0xffffffff8010e4e0, ksym_name_589
    dq 0xffffffff8010e550, ksym_name_590
    dq 0xffffffff8010e560, ksym_name_591
    dq 0xffffffff8010e600, ksym_name_592
    dq 0xffffffff8010e690, ksym_name_593
    dq 0xffffffff8010e770, ksym_name_594
    dq 0xffffffff8010e7c0, ksym_name_595
    dq 0xffffffff8010e940, ksym_name_596
    dq 0xffffffff8010eaf0, ksym_name_597
    dq 0xffffffff8010eb40, ksym_name_598
    dq 0xffffffff8010eb90, ksym_name_599
    dq 0xffffffff8010ebc0, ksym_name_600
    dq 0xffffffff8010ec50, ksym_name_601
    dq 0xffffffff8010ec80, ksym_name_602
    dq 0xffffffff8010ed60, ksym_name_603
    dq 0xffffffff8010edf0, ksym_name_604
    dq 0xffffffff8010eec0, ksym_name_605
    dq 0xffffffff8010ef10, ksym_name_606
    dq 0xffffffff8010ef60, ksym_name_607
    dq 0xffffffff8010ef70, ksym_name_608
    dq 0xffffffff8010efb0, ksym_name_609
    dq 0xffffffff8010efc0, ksym_name_610
    dq 0xffffffff8010f040, ksym_name_611
    dq 0xffffffff8010f080, ksym_name_612
    dq 0xffffffff8010f200, ksym_name_613
    dq 0xffffffff8010f250, ksym_name_614
    dq 0xffffffff8010f280, ksym_name_615
    dq 0xffffffff8010f410, ksym_name_616
    dq 0xffffffff8010f450, ksym_name_617
    dq 0xffffffff8010f490, ksym_name_618
    dq 0xffffffff8010f4d0, ksym_name_619
    dq 0xffffffff8010f510, ksym_name_620
    dq 0xffffffff8010f550, ksym_name_621
    dq 0xffffffff8010fd70, ksym_name_622
    dq 0xffffffff8010fde0, ksym_name_623
    dq 0xffffffff8010fe40, ksym_name_624
    dq 0xffffffff8010fea0, ksym_name_625
    dq 0xffffffff8010fff0, ksym_name_626
    dq 0xffffffff80110060, ksym_name_627
    dq 0xffffffff801100d0, ksym_name_628
    dq 0xffffffff80110110, ksym_name_629
    dq 0xffffffff80110170, ksym_name_630
    dq 0xffffffff801101e0, ksym_name_631
    dq 0xffffffff80110250, ksym_name_632
    dq 0xffffffff80110460, ksym_name_633
    dq 0xffffffff801104d0, ksym_name_634
    dq 0xffffffff801104f0, ksym_name_635
    dq 0xffffffff80110510, ksym_name_636
    dq 0xffffffff80110930, ksym_name_637
    dq 0xffffffff80110990, ksym_name_638
    dq 0xffffffff80110bb0, ksym_name_639
    dq 0xffffffff80110f70, ksym_name_640
    dq 0xffffffff801110d0, ksym_name_641
    dq 0xffffffff80111830, ksym_name_642
    dq 0xffffffff80111930, ksym_name_643
    dq 0xffffffff80111940, ksym_name_644
    dq 0xffffffff80111950, ksym_name_645
    dq 0xffffffff80111970, ksym_name_646
    dq 0xffffffff80111980, ksym_name_647
    dq 0xffffffff801119a0, ksym_name_648
    dq 0xffffffff801119b0, ksym_name_649
    dq 0xffffffff801119c0, ksym_name_650
    dq 0xffffffff801119e0, ksym_name_651
    dq 0xffffffff801119f0, ksym_name_652
    dq 0xffffffff80111a00, ksym_name_653
    dq 0xffffffff80111a60, ksym_name_654
    dq 0xffffffff80111a70, ksym_name_655
    dq 0xffffffff80111ae0, ksym_name_656
    dq 0xffffffff80111b00, ksym_name_657
    dq 0xffffffff80111b10, ksym_name_658
    dq 0xffffffff80111b30, ksym_name_659
    dq 0xffffffff80111b50, ksym_name_660
    dq 0xffffffff80111b70, ksym_name_661
    dq 0xffffffff801121e0, ksym_name_662
    dq 0xffffffff80112200, ksym_name_663
    dq 0xffffffff80112310, ksym_name_664
    dq 0xffffffff801123f0, ksym_name_665
    dq 0xffffffff801124b0, ksym_name_666
    dq 0xffffffff801124d0, ksym_name_667
    dq 0xffffffff80112640, ksym_name_668
    dq 0xffffffff801127b0, ksym_name_669
    dq 0xffffffff801127d0, ksym_name_670
    dq 0xffffffff80112b50, ksym_name_671
    dq 0xffffffff80112b60, ksym_name_672
    dq 0xffffffff80112bc0, ksym_name_673
    dq 0xffffffff80112c10, ksym_name_674
    dq 0xffffffff80112e30, ksym_name_675
    dq 0xffffffff80112f40, ksym_name_676
    dq 0xffffffff80112fc0, ksym_name_677
    dq 0xffffffff80113010, ksym_name_678
    dq 0xffffffff801131a0, ksym_name_679
    dq 0xffffffff801132f0, ksym_name_680
    dq 0xffffffff80113b10, ksym_name_681
    dq 0xffffffff80113be0, ksym_name_682
    dq 0xffffffff80113c20, ksym_name_683
    dq 0xffffffff80113c30, ksym_name_684
    dq 0xffffffff80113c70, ksym_name_685
    dq 0xffffffff80113ef0, ksym_name_686
    dq 0xffffffff80114040, ksym_name_687
    dq 0xffffffff80114090, ksym_name_688
    dq 0xffffffff801142e0, ksym_name_689
    dq 0xffffffff80114400, ksym_name_690
    dq 0xffffffff801144a0, ksym_name_691
    dq 0xffffffff80114550, ksym_name_692
    dq 0xffffffff80114570, ksym_name_693
    dq 0xffffffff801145a0, ksym_name_694
    dq 0xffffffff80114990, ksym_name_695
    dq 0xffffffff80114b00, ksym_name_696
    dq 0xffffffff80114da0, ksym_name_697
    dq 0xffffffff80114ec0, ksym_name_698
    dq 0xffffffff80114fc0, ksym_name_699
    dq 0xffffffff801152b0, ksym_name_700
    dq 0xffffffff801153c0, ksym_name_701
    dq 0xffffffff801154f0, ksym_name_702
    dq 0xffffffff80115710, ksym_name_703
    dq 0xffffffff80115a90, ksym_name_704
    dq 0xffffffff80115cd0, ksym_name_705
    dq 0xffffffff80115f30, ksym_name_706
    dq 0xffffffff80115fe0, ksym_name_707
    dq 0xffffffff80116100, ksym_name_708
    dq 0xffffffff801161d0, ksym_name_709
    dq 0xffffffff80116210, ksym_name_710
    dq 0xffffffff80116220, ksym_name_711
    dq 0xffffffff80116300, ksym_name_712
    dq 0xffffffff80116320, ksym_name_713
    dq 0xffffffff80116360, ksym_name_714
    dq 0xffffffff801163a0, ksym_name_715
    dq 0xffffffff80116460, ksym_name_716
    dq 0xffffffff80116560, ksym_name_717
    dq 0xffffffff80116590, ksym_name_718
    dq 0xffffffff801165c0, ksym_name_719
    dq 0xffffffff801165d0, ksym_name_720
    dq 0xffffffff80116620, ksym_name_721
    dq 0xffffffff80116830, ksym_name_722
    dq 0xffffffff80116840, ksym_name_723
    dq 0xffffffff80116b50, ksym_name_724
    dq 0xffffffff80116b70, ksym_name_725
    dq 0xffffffff80116da0, ksym_name_726
    dq 0xffffffff80116df0, ksym_name_727
    dq 0xffffffff80116e90, ksym_name_728
    dq 0xffffffff80116f00, ksym_name_729
    dq 0xffffffff80116fd0, ksym_name_730
    dq 0xffffffff80117010, ksym_name_731
    dq 0xffffffff801170b0, ksym_name_732
    dq 0xffffffff80117120, ksym_name_733
    dq 0xffffffff801171a0, ksym_name_734
    dq 0xffffffff80117230, ksym_name_735
    dq 0xffffffff801172c0, ksym_name_736
    dq 0xffffffff80117370, ksym_name_737
    dq 0xffffffff80117380, ksym_name_738
    dq 0xffffffff80117390, ksym_name_739
    dq 0xffffffff801173d0, ksym_name_740
    dq 0xffffffff801173f0, ksym_name_741
    dq 0xffffffff80117400, ksym_name_742
    dq 0xffffffff80117410, ksym_name_743
    dq 0xffffffff801174f0, ksym_name_744
    dq 0xffffffff801175b0, ksym_name_745
    dq 0xffffffff80117680, ksym_name_746
    dq 0xffffffff80117e80, ksym_name_747
    dq 0xffffffff801180b0, ksym_name_748
    dq 0xffffffff80118220, ksym_name_749
    dq 0xffffffff80118410, ksym_name_750
    dq 0xffffffff80118580, ksym_name_751
    dq 0xffffffff801186b0, ksym_name_752
    dq 0xffffffff80118c50, ksym_name_753
    dq 0xffffffff80118dc0, ksym_name_754
    dq 0xffffffff80118fc0, ksym_name_755
    dq 0xffffffff80119010, ksym_name_756
    dq 0xffffffff801190c0, ksym_name_757
    dq 0xffffffff80119310, ksym_name_758
    dq 0xffffffff801193d0, ksym_name_759
    dq 0xffffffff801194c0, ksym_name_760
    dq 0xffffffff80119580, ksym_name_761
    dq 0xffffffff801198e0, ksym_name_762
    dq 0xffffffff80119bf0, ksym_name_763
    dq 0xffffffff80119c70, ksym_name_764
    dq 0xffffffff80119e50, ksym_name_765
    dq 0xffffffff8011a140, ksym_name_766
    dq 0xffffffff8011a2c0, ksym_name_767
    dq 0xffffffff8011a530, ksym_name_768
    dq 0xffffffff8011a890, ksym_name_769
    dq 0xffffffff8011ac20, ksym_name_770
    dq 0xffffffff8011ad90, ksym_name_771
    dq 0xffffffff8011aef0, ksym_name_772
    dq 0xffffffff8011b020, ksym_name_773
    dq 0xffffffff8011b160, ksym_name_774
    dq 0xffffffff8011b370, ksym_name_775
    dq 0xffffffff8011b600, ksym_name_776
    dq 0xffffffff8011b640, ksym_name_777
    dq 0xffffffff8011b670, ksym_name_778
    dq 0xffffffff8011b6a0, ksym_name_779
    dq 0xffffffff8011b6b0, ksym_name_780
    dq 0xffffffff8011b740, ksym_name_781
    dq 0xffffffff8011b790, ksym_name_782
    dq 0xffffffff8011bc50, ksym_name_783
    dq 0xffffffff8011bef0, ksym_name_784
    dq 0xffffffff8011c340, ksym_name_785
    dq 0xffffffff8011c5f0, ksym_name_786
    dq 0xffffffff8011c7a0, ksym_name_787
    dq 0xffffffff8011ca50, ksym_name_788
    dq 0xffffffff8011cce0, ksym_name_789
    dq 0xffffffff8011ce90, ksym_name_790
    dq 0xffffffff8011d080, ksym_name_791
    dq 0xffffffff8011d090, ksym_name_792
    dq 0xffffffff8011d0b0, ksym_name_793
    dq 0xffffffff8011d0d0, ksym_name_794
    dq 0xffffffff8011d0e0, ksym_name_795
    dq 0xffffffff8011d4e0, ksym_name_796
    dq 0xffffffff8011d7a0, ksym_name_797
    dq 0xffffffff8011da70, ksym_name_798
    dq 0xffffffff8011ddd0, ksym_name_799
    dq 0xffffffff8011e1a0, ksym_name_800
    dq 0xffffffff8011e460, ksym_name_801
    dq 0xffffffff8011e550, ksym_name_802
    dq 0xffffffff8011e610, ksym_name_803
    dq 0xffffffff8011e620, ksym_name_804
    dq 0xffffffff8011e7d0, ksym_name_805
    dq 0xffffffff8011e8d0, ksym_name_806
    dq 0xffffffff8011e9e0, ksym_name_807
    dq 0xffffffff8011eb20, ksym_name_808
    dq 0xffffffff8011ecf0, ksym_name_809
    dq 0xffffffff8011ee00, ksym_name_810
    dq 0xffffffff8011ef90, ksym_name_811
    dq 0xffffffff8011f110, ksym_name_812
    dq 0xffffffff8011f580, ksym_name_813
    dq 0xffffffff8011f9e0, ksym_name_814
    dq 0xffffffff8011fe60, ksym_name_815
    dq 0xffffffff80120350, ksym_name_816
    dq 0xffffffff80120650, ksym_name_817
    dq 0xffffffff80120950, ksym_name_818
    dq 0xffffffff80120a70, ksym_name_819
    dq 0xffffffff80120d70, ksym_name_820
    dq 0xffffffff80120f00, ksym_name_821
    dq 0xffffffff80121100, ksym_name_822
    dq 0xffffffff80121210, ksym_name_823
    dq 0xffffffff80121440, ksym_name_824
    dq 0xffffffff80121680, ksym_name_825
    dq 0xffffffff80121900, ksym_name_826
    dq 0xffffffff80121a70, ksym_name_827
    dq 0xffffffff80121db0, ksym_name_828
    dq 0xffffffff80121fb0, ksym_name_829
    dq 0xffffffff80122190, ksym_name_830
    dq 0xffffffff80122340, ksym_name_831
    dq 0xffffffff801224c0, ksym_name_832
    dq 0xffffffff80122560, ksym_name_833
    dq 0xffffffff801225b0, ksym_name_834
    dq 0xffffffff80122700, ksym_name_835
    dq 0xffffffff801228a0, ksym_name_836
    dq 0xffffffff80122a40, ksym_name_837
    dq 0xffffffff80122ba0, ksym_name_838
    dq 0xffffffff80122c00, ksym_name_839
    dq 0xffffffff80122d50, ksym_name_840
    dq 0xffffffff80122ea0, ksym_name_841
    dq 0xffffffff80122fa0, ksym_name_842
    dq 0xffffffff80123160, ksym_name_843
    dq 0xffffffff80123310, ksym_name_844
    dq 0xffffffff801234e0, ksym_name_845
    dq 0xffffffff801236a0, ksym_name_846
    dq 0xffffffff80123890, ksym_name_847
    dq 0xffffffff80123980, ksym_name_848
    dq 0xffffffff801239d0, ksym_name_849
    dq 0xffffffff80123a20, ksym_name_850
    dq 0xffffffff80123b00, ksym_name_851
    dq 0xffffffff80123ba0, ksym_name_852
    dq 0xffffffff80123c30, ksym_name_853
    dq 0xffffffff80123cd0, ksym_name_854
    dq 0xffffffff80123d10, ksym_name_855
    dq 0xffffffff80123d20, ksym_name_856
    dq 0xffffffff80123d60, ksym_name_857
    dq 0xffffffff80123db0, ksym_name_858
    dq 0xffffffff80123df0, ksym_name_859
    dq 0xffffffff80123e40, ksym_name_860
    dq 0xffffffff80123e70, ksym_name_861
    dq 0xffffffff80123e80, ksym_name_862
    dq 0xffffffff80123ea0, ksym_name_863
    dq 0xffffffff80123f70, ksym_name_864
    dq 0xffffffff80124040, ksym_name_865
    dq 0xffffffff80124180, ksym_name_866
    dq 0xffffffff801242c0, ksym_name_867
    dq 0xffffffff801243c0, ksym_name_868
    dq 0xffffffff80124470, ksym_name_869
    dq 0xffffffff801245f0, ksym_name_870
    dq 0xffffffff80124840, ksym_name_871
    dq 0xffffffff80124a20, ksym_name_872
    dq 0xffffffff80124bb0, ksym_name_873
    dq 0xffffffff80124d50, ksym_name_874
    dq 0xffffffff80124dd0, ksym_name_875
    dq 0xffffffff80124f00, ksym_name_876
    dq 0xffffffff80125340, ksym_name_877
    dq 0xffffffff80125590, ksym_name_878
    dq 0xffffffff80125840, ksym_name_879
    dq 0xffffffff80125da0, ksym_name_880
    dq 0xffffffff80126160, ksym_name_881
    dq 0xffffffff80126680, ksym_name_882
    dq 0xffffffff801269b0, ksym_name_883
    dq 0xffffffff80126c70, ksym_name_884
    dq 0xffffffff801270a0, ksym_name_885
    dq 0xffffffff801271d0, ksym_name_886
    dq 0xffffffff80127750, ksym_name_887
    dq 0xffffffff801277d0, ksym_name_888
    dq 0xffffffff80127900, ksym_name_889
    dq 0xffffffff80127a60, ksym_name_890
    dq 0xffffffff80127b50, ksym_name_891
    dq 0xffffffff80127c80, ksym_name_892
    dq 0xffffffff80127e60, ksym_name_893
    dq 0xffffffff80127ef0, ksym_name_894
    dq 0xffffffff80127fc0, ksym_name_895
    dq 0xffffffff80128060, ksym_name_896
    dq 0xffffffff801281a0, ksym_name_897
    dq 0xffffffff80128510, ksym_name_898
    dq 0xffffffff801286e0, ksym_name_899
    dq 0xffffffff80128a70, ksym_name_900
    dq 0xffffffff801291c0, ksym_name_901
    dq 0xffffffff801295d0, ksym_name_902
    dq 0xffffffff80129cf0, ksym_name_903
    dq 0xffffffff8012a410, ksym_name_904
    dq 0xffffffff8012a990, ksym_name_905
    dq 0xffffffff8012ae90, ksym_name_906
    dq 0xffffffff8012b2c0, ksym_name_907
    dq 0xffffffff8012b6f0, ksym_name_908
    dq 0xffffffff8012bfd0, ksym_name_909
    dq 0xffffffff8012c560, ksym_name_910
    dq 0xffffffff8012cb80, ksym_name_911
    dq 0xffffffff8012ce80, ksym_name_912
    dq 0xffffffff8012d560, ksym_name_913
    dq 0xffffffff8012dcc0, ksym_name_914
    dq 0xffffffff8012e570, ksym_name_915
    dq 0xffffffff8012eaa0, ksym_name_916
    dq 0xffffffff8012f120, ksym_name_917
    dq 0xffffffff8012f900, ksym_name_918
    dq 0xffffffff8012fe30, ksym_name_919
    dq 0xffffffff8012fea0, ksym_name_920
    dq 0xffffffff80130140, ksym_name_921
    dq 0xffffffff801305c0, ksym_name_922
    dq 0xffffffff801309b0, ksym_name_923
    dq 0xffffffff80130a50, ksym_name_924
    dq 0xffffffff80131290, ksym_name_925
    dq 0xffffffff801312f0, ksym_name_926
    dq 0xffffffff80131300, ksym_name_927
    dq 0xffffffff801313c9, ksym_name_928
    dq 0xffffffff80132000, ksym_name_929
ksym_name_0: db "", 0
ksym_name_1: db "_text_start", 0
ksym_name_2: db "mb2_header", 0
ksym_name_3: db "_start", 0
ksym_name_4: db "mb2_header_end", 0
ksym_name_5: db "_start.no_multiboot", 0
ksym_name_6: db "check_cpu", 0
ksym_name_7: db "check_cpu.no_lm", 0
ksym_name_8: db "check_cpu.no_nx", 0
ksym_name_9: db "build_boot_tables", 0
ksym_name_10: db "build_boot_tables.fill_pd", 0
ksym_name_11: db "boot_fail", 0
ksym_name_12: db "boot_fail.next", 0
ksym_name_13: db "boot_fail.halt", 0
ksym_name_14: db "long_mode_entry", 0
ksym_name_15: db "long_mode_entry.higher_half", 0
ksym_name_16: db "kernel_power_off", 0
ksym_name_17: db "kmain", 0
ksym_name_18: db "kernel_run_actions", 0
ksym_name_19: db "kernel_init_subsystems", 0
ksym_name_20: db "kernel_shutdown_hooks", 0
ksym_name_21: db "action_ktest", 0
ksym_name_22: db "action_fault", 0
ksym_name_23: db "action_blockbench", 0
ksym_name_24: db "action_fsbench", 0
ksym_name_25: db "action_run", 0
ksym_name_26: db "fault_null_write", 0
ksym_name_27: db "fault_stack_thread", 0
ksym_name_28: db "fault_recurse", 0
ksym_name_29: db "console_init", 0
ksym_name_30: db "console_write", 0
ksym_name_31: db "console_putc", 0
ksym_name_32: db "console_panic_mode", 0
ksym_name_33: db "serial_init", 0
ksym_name_34: db "serial_putc", 0
ksym_name_35: db "serial_try_getc", 0
ksym_name_36: db "vga_init", 0
ksym_name_37: db "vga_putc", 0
ksym_name_38: db "vsnprintf", 0
ksym_name_39: db "string_put", 0
ksym_name_40: db "fmt_format", 0
ksym_name_41: db "snprintf", 0
ksym_name_42: db "vprintf", 0
ksym_name_43: db "console_sink_put", 0
ksym_name_44: db "printf", 0
ksym_name_45: db "emit_field", 0
ksym_name_46: db "memcpy", 0
ksym_name_47: db "memmove", 0
ksym_name_48: db "memset", 0
ksym_name_49: db "memcmp", 0
ksym_name_50: db "strlen", 0
ksym_name_51: db "strnlen", 0
ksym_name_52: db "strcmp", 0
ksym_name_53: db "strncmp", 0
ksym_name_54: db "strchr", 0
ksym_name_55: db "strrchr", 0
ksym_name_56: db "strlcpy", 0
ksym_name_57: db "err_name", 0
ksym_name_58: db "backtrace_print", 0
ksym_name_59: db "panic", 0
ksym_name_60: db "panic_common", 0
ksym_name_61: db "panic_at", 0
ksym_name_62: db "ksyms_lookup", 0
ksym_name_63: db "gdt_init", 0
ksym_name_64: db "tss_set_kernel_stack", 0
ksym_name_65: db "trap_init", 0
ksym_name_66: db "trap_set_handler", 0
ksym_name_67: db "trap_from_user", 0
ksym_name_68: db "trap_catch_disarm", 0
ksym_name_69: db "trap_in_extable", 0
ksym_name_70: db "trap_dump", 0
ksym_name_71: db "trap_unhandled", 0
ksym_name_72: db "trap_dispatch", 0
ksym_name_73: db "trap_stub_0", 0
ksym_name_74: db "trap_stub_1", 0
ksym_name_75: db "trap_stub_2", 0
ksym_name_76: db "trap_stub_3", 0
ksym_name_77: db "trap_stub_4", 0
ksym_name_78: db "trap_stub_5", 0
ksym_name_79: db "trap_stub_6", 0
ksym_name_80: db "trap_stub_7", 0
ksym_name_81: db "trap_stub_8", 0
ksym_name_82: db "trap_stub_9", 0
ksym_name_83: db "trap_stub_10", 0
ksym_name_84: db "trap_stub_11", 0
ksym_name_85: db "trap_stub_12", 0
ksym_name_86: db "trap_stub_13", 0
ksym_name_87: db "trap_stub_14", 0
ksym_name_88: db "trap_stub_15", 0
ksym_name_89: db "trap_stub_16", 0
ksym_name_90: db "trap_stub_17", 0
ksym_name_91: db "trap_stub_18", 0
ksym_name_92: db "trap_stub_19", 0
ksym_name_93: db "trap_stub_20", 0
ksym_name_94: db "trap_stub_21", 0
ksym_name_95: db "trap_stub_22", 0
ksym_name_96: db "trap_stub_23", 0
ksym_name_97: db "trap_stub_24", 0
ksym_name_98: db "trap_stub_25", 0
ksym_name_99: db "trap_stub_26", 0
ksym_name_100: db "trap_stub_27", 0
ksym_name_101: db "trap_stub_28", 0
ksym_name_102: db "trap_stub_29", 0
ksym_name_103: db "trap_stub_30", 0
ksym_name_104: db "trap_stub_31", 0
ksym_name_105: db "trap_stub_32", 0
ksym_name_106: db "trap_stub_33", 0
ksym_name_107: db "trap_stub_34", 0
ksym_name_108: db "trap_stub_35", 0
ksym_name_109: db "trap_stub_36", 0
ksym_name_110: db "trap_stub_37", 0
ksym_name_111: db "trap_stub_38", 0
ksym_name_112: db "trap_stub_39", 0
ksym_name_113: db "trap_stub_40", 0
ksym_name_114: db "trap_stub_41", 0
ksym_name_115: db "trap_stub_42", 0
ksym_name_116: db "trap_stub_43", 0
ksym_name_117: db "trap_stub_44", 0
ksym_name_118: db "trap_stub_45", 0
ksym_name_119: db "trap_stub_46", 0
ksym_name_120: db "trap_stub_47", 0
ksym_name_121: db "trap_stub_48", 0
ksym_name_122: db "trap_stub_49", 0
ksym_name_123: db "trap_stub_50", 0
ksym_name_124: db "trap_stub_51", 0
ksym_name_125: db "trap_stub_52", 0
ksym_name_126: db "trap_stub_53", 0
ksym_name_127: db "trap_stub_54", 0
ksym_name_128: db "trap_stub_55", 0
ksym_name_129: db "trap_stub_56", 0
ksym_name_130: db "trap_stub_57", 0
ksym_name_131: db "trap_stub_58", 0
ksym_name_132: db "trap_stub_59", 0
ksym_name_133: db "trap_stub_60", 0
ksym_name_134: db "trap_stub_61", 0
ksym_name_135: db "trap_stub_62", 0
ksym_name_136: db "trap_stub_63", 0
ksym_name_137: db "trap_stub_64", 0
ksym_name_138: db "trap_stub_65", 0
ksym_name_139: db "trap_stub_66", 0
ksym_name_140: db "trap_stub_67", 0
ksym_name_141: db "trap_stub_68", 0
ksym_name_142: db "trap_stub_69", 0
ksym_name_143: db "trap_stub_70", 0
ksym_name_144: db "trap_stub_71", 0
ksym_name_145: db "trap_stub_72", 0
ksym_name_146: db "trap_stub_73", 0
ksym_name_147: db "trap_stub_74", 0
ksym_name_148: db "trap_stub_75", 0
ksym_name_149: db "trap_stub_76", 0
ksym_name_150: db "trap_stub_77", 0
ksym_name_151: db "trap_stub_78", 0
ksym_name_152: db "trap_stub_79", 0
ksym_name_153: db "trap_stub_80", 0
ksym_name_154: db "trap_stub_81", 0
ksym_name_155: db "trap_stub_82", 0
ksym_name_156: db "trap_stub_83", 0
ksym_name_157: db "trap_stub_84", 0
ksym_name_158: db "trap_stub_85", 0
ksym_name_159: db "trap_stub_86", 0
ksym_name_160: db "trap_stub_87", 0
ksym_name_161: db "trap_stub_88", 0
ksym_name_162: db "trap_stub_89", 0
ksym_name_163: db "trap_stub_90", 0
ksym_name_164: db "trap_stub_91", 0
ksym_name_165: db "trap_stub_92", 0
ksym_name_166: db "trap_stub_93", 0
ksym_name_167: db "trap_stub_94", 0
ksym_name_168: db "trap_stub_95", 0
ksym_name_169: db "trap_stub_96", 0
ksym_name_170: db "trap_stub_97", 0
ksym_name_171: db "trap_stub_98", 0
ksym_name_172: db "trap_stub_99", 0
ksym_name_173: db "trap_stub_100", 0
ksym_name_174: db "trap_stub_101", 0
ksym_name_175: db "trap_stub_102", 0
ksym_name_176: db "trap_stub_103", 0
ksym_name_177: db "trap_stub_104", 0
ksym_name_178: db "trap_stub_105", 0
ksym_name_179: db "trap_stub_106", 0
ksym_name_180: db "trap_stub_107", 0
ksym_name_181: db "trap_stub_108", 0
ksym_name_182: db "trap_stub_109", 0
ksym_name_183: db "trap_stub_110", 0
ksym_name_184: db "trap_stub_111", 0
ksym_name_185: db "trap_stub_112", 0
ksym_name_186: db "trap_stub_113", 0
ksym_name_187: db "trap_stub_114", 0
ksym_name_188: db "trap_stub_115", 0
ksym_name_189: db "trap_stub_116", 0
ksym_name_190: db "trap_stub_117", 0
ksym_name_191: db "trap_stub_118", 0
ksym_name_192: db "trap_stub_119", 0
ksym_name_193: db "trap_stub_120", 0
ksym_name_194: db "trap_stub_121", 0
ksym_name_195: db "trap_stub_122", 0
ksym_name_196: db "trap_stub_123", 0
ksym_name_197: db "trap_stub_124", 0
ksym_name_198: db "trap_stub_125", 0
ksym_name_199: db "trap_stub_126", 0
ksym_name_200: db "trap_stub_127", 0
ksym_name_201: db "trap_stub_128", 0
ksym_name_202: db "trap_stub_129", 0
ksym_name_203: db "trap_stub_130", 0
ksym_name_204: db "trap_stub_131", 0
ksym_name_205: db "trap_stub_132", 0
ksym_name_206: db "trap_stub_133", 0
ksym_name_207: db "trap_stub_134", 0
ksym_name_208: db "trap_stub_135", 0
ksym_name_209: db "trap_stub_136", 0
ksym_name_210: db "trap_stub_137", 0
ksym_name_211: db "trap_stub_138", 0
ksym_name_212: db "trap_stub_139", 0
ksym_name_213: db "trap_stub_140", 0
ksym_name_214: db "trap_stub_141", 0
ksym_name_215: db "trap_stub_142", 0
ksym_name_216: db "trap_stub_143", 0
ksym_name_217: db "trap_stub_144", 0
ksym_name_218: db "trap_stub_145", 0
ksym_name_219: db "trap_stub_146", 0
ksym_name_220: db "trap_stub_147", 0
ksym_name_221: db "trap_stub_148", 0
ksym_name_222: db "trap_stub_149", 0
ksym_name_223: db "trap_stub_150", 0
ksym_name_224: db "trap_stub_151", 0
ksym_name_225: db "trap_stub_152", 0
ksym_name_226: db "trap_stub_153", 0
ksym_name_227: db "trap_stub_154", 0
ksym_name_228: db "trap_stub_155", 0
ksym_name_229: db "trap_stub_156", 0
ksym_name_230: db "trap_stub_157", 0
ksym_name_231: db "trap_stub_158", 0
ksym_name_232: db "trap_stub_159", 0
ksym_name_233: db "trap_stub_160", 0
ksym_name_234: db "trap_stub_161", 0
ksym_name_235: db "trap_stub_162", 0
ksym_name_236: db "trap_stub_163", 0
ksym_name_237: db "trap_stub_164", 0
ksym_name_238: db "trap_stub_165", 0
ksym_name_239: db "trap_stub_166", 0
ksym_name_240: db "trap_stub_167", 0
ksym_name_241: db "trap_stub_168", 0
ksym_name_242: db "trap_stub_169", 0
ksym_name_243: db "trap_stub_170", 0
ksym_name_244: db "trap_stub_171", 0
ksym_name_245: db "trap_stub_172", 0
ksym_name_246: db "trap_stub_173", 0
ksym_name_247: db "trap_stub_174", 0
ksym_name_248: db "trap_stub_175", 0
ksym_name_249: db "trap_stub_176", 0
ksym_name_250: db "trap_stub_177", 0
ksym_name_251: db "trap_stub_178", 0
ksym_name_252: db "trap_stub_179", 0
ksym_name_253: db "trap_stub_180", 0
ksym_name_254: db "trap_stub_181", 0
ksym_name_255: db "trap_stub_182", 0
ksym_name_256: db "trap_stub_183", 0
ksym_name_257: db "trap_stub_184", 0
ksym_name_258: db "trap_stub_185", 0
ksym_name_259: db "trap_stub_186", 0
ksym_name_260: db "trap_stub_187", 0
ksym_name_261: db "trap_stub_188", 0
ksym_name_262: db "trap_stub_189", 0
ksym_name_263: db "trap_stub_190", 0
ksym_name_264: db "trap_stub_191", 0
ksym_name_265: db "trap_stub_192", 0
ksym_name_266: db "trap_stub_193", 0
ksym_name_267: db "trap_stub_194", 0
ksym_name_268: db "trap_stub_195", 0
ksym_name_269: db "trap_stub_196", 0
ksym_name_270: db "trap_stub_197", 0
ksym_name_271: db "trap_stub_198", 0
ksym_name_272: db "trap_stub_199", 0
ksym_name_273: db "trap_stub_200", 0
ksym_name_274: db "trap_stub_201", 0
ksym_name_275: db "trap_stub_202", 0
ksym_name_276: db "trap_stub_203", 0
ksym_name_277: db "trap_stub_204", 0
ksym_name_278: db "trap_stub_205", 0
ksym_name_279: db "trap_stub_206", 0
ksym_name_280: db "trap_stub_207", 0
ksym_name_281: db "trap_stub_208", 0
ksym_name_282: db "trap_stub_209", 0
ksym_name_283: db "trap_stub_210", 0
ksym_name_284: db "trap_stub_211", 0
ksym_name_285: db "trap_stub_212", 0
ksym_name_286: db "trap_stub_213", 0
ksym_name_287: db "trap_stub_214", 0
ksym_name_288: db "trap_stub_215", 0
ksym_name_289: db "trap_stub_216", 0
ksym_name_290: db "trap_stub_217", 0
ksym_name_291: db "trap_stub_218", 0
ksym_name_292: db "trap_stub_219", 0
ksym_name_293: db "trap_stub_220", 0
ksym_name_294: db "trap_stub_221", 0
ksym_name_295: db "trap_stub_222", 0
ksym_name_296: db "trap_stub_223", 0
ksym_name_297: db "trap_stub_224", 0
ksym_name_298: db "trap_stub_225", 0
ksym_name_299: db "trap_stub_226", 0
ksym_name_300: db "trap_stub_227", 0
ksym_name_301: db "trap_stub_228", 0
ksym_name_302: db "trap_stub_229", 0
ksym_name_303: db "trap_stub_230", 0
ksym_name_304: db "trap_stub_231", 0
ksym_name_305: db "trap_stub_232", 0
ksym_name_306: db "trap_stub_233", 0
ksym_name_307: db "trap_stub_234", 0
ksym_name_308: db "trap_stub_235", 0
ksym_name_309: db "trap_stub_236", 0
ksym_name_310: db "trap_stub_237", 0
ksym_name_311: db "trap_stub_238", 0
ksym_name_312: db "trap_stub_239", 0
ksym_name_313: db "trap_stub_240", 0
ksym_name_314: db "trap_stub_241", 0
ksym_name_315: db "trap_stub_242", 0
ksym_name_316: db "trap_stub_243", 0
ksym_name_317: db "trap_stub_244", 0
ksym_name_318: db "trap_stub_245", 0
ksym_name_319: db "trap_stub_246", 0
ksym_name_320: db "trap_stub_247", 0
ksym_name_321: db "trap_stub_248", 0
ksym_name_322: db "trap_stub_249", 0
ksym_name_323: db "trap_stub_250", 0
ksym_name_324: db "trap_stub_251", 0
ksym_name_325: db "trap_stub_252", 0
ksym_name_326: db "trap_stub_253", 0
ksym_name_327: db "trap_stub_254", 0
ksym_name_328: db "trap_stub_255", 0
ksym_name_329: db "trap_common", 0
ksym_name_330: db "trap_return", 0
ksym_name_331: db "trap_catch_arm", 0
ksym_name_332: db "pic_init", 0
ksym_name_333: db "irq_dispatch", 0
ksym_name_334: db "irq_register", 0
ksym_name_335: db "irq_unmask", 0
ksym_name_336: db "irq_mask", 0
ksym_name_337: db "irq_in_handler", 0
ksym_name_338: db "irq_yield_on_return", 0
ksym_name_339: db "timer_init", 0
ksym_name_340: db "timer_interrupt", 0
ksym_name_341: db "timer_ticks", 0
ksym_name_342: db "cmdline_parse", 0
ksym_name_343: db "spin_init", 0
ksym_name_344: db "spin_lock", 0
ksym_name_345: db "spin_unlock", 0
ksym_name_346: db "sema_init", 0
ksym_name_347: db "sema_down", 0
ksym_name_348: db "sema_try_down", 0
ksym_name_349: db "sema_up", 0
ksym_name_350: db "lock_init", 0
ksym_name_351: db "lock_acquire", 0
ksym_name_352: db "lock_held_by_current_thread", 0
ksym_name_353: db "lock_try_acquire", 0
ksym_name_354: db "lock_release", 0
ksym_name_355: db "cond_init", 0
ksym_name_356: db "cond_wait", 0
ksym_name_357: db "cond_signal", 0
ksym_name_358: db "cond_broadcast", 0
ksym_name_359: db "ktest_fail", 0
ksym_name_360: db "ktest_run", 0
ksym_name_361: db "hash_init", 0
ksym_name_362: db "hash_clear", 0
ksym_name_363: db "hash_destroy", 0
ksym_name_364: db "hash_insert", 0
ksym_name_365: db "hash_maybe_resize", 0
ksym_name_366: db "hash_replace", 0
ksym_name_367: db "hash_remove", 0
ksym_name_368: db "hash_find", 0
ksym_name_369: db "hash_size", 0
ksym_name_370: db "hash_first", 0
ksym_name_371: db "hash_next", 0
ksym_name_372: db "hash_iter_remove", 0
ksym_name_373: db "hash_bytes", 0
ksym_name_374: db "hash_u64", 0
ksym_name_375: db "bitmap_create", 0
ksym_name_376: db "bitmap_init", 0
ksym_name_377: db "bitmap_destroy", 0
ksym_name_378: db "bitmap_size", 0
ksym_name_379: db "bitmap_set", 0
ksym_name_380: db "bitmap_mark", 0
ksym_name_381: db "bitmap_reset", 0
ksym_name_382: db "bitmap_flip", 0
ksym_name_383: db "bitmap_test", 0
ksym_name_384: db "bitmap_set_all", 0
ksym_name_385: db "bitmap_set_multiple", 0
ksym_name_386: db "bitmap_count", 0
ksym_name_387: db "bitmap_contains", 0
ksym_name_388: db "bitmap_all", 0
ksym_name_389: db "bitmap_scan", 0
ksym_name_390: db "bitmap_scan_and_flip", 0
ksym_name_391: db "input_putc", 0
ksym_name_392: db "input_init", 0
ksym_name_393: db "serial_interrupt", 0
ksym_name_394: db "keyboard_interrupt", 0
ksym_name_395: db "input_read", 0
ksym_name_396: db "pmm_init", 0
ksym_name_397: db "pmm_alloc_contig", 0
ksym_name_398: db "pmm_alloc", 0
ksym_name_399: db "pmm_free_contig", 0
ksym_name_400: db "pmm_free", 0
ksym_name_401: db "pmm_alloc_page", 0
ksym_name_402: db "pmm_free_page", 0
ksym_name_403: db "pmm_free_count", 0
ksym_name_404: db "pmm_total_count", 0
ksym_name_405: db "pmm_max_phys", 0
ksym_name_406: db "pt_lookup", 0
ksym_name_407: db "walk", 0
ksym_name_408: db "pt_translate", 0
ksym_name_409: db "pt_flush", 0
ksym_name_410: db "pt_map", 0
ksym_name_411: db "pt_prepare_table", 0
ksym_name_412: db "pt_unmap", 0
ksym_name_413: db "pt_unmap_dirty", 0
ksym_name_414: db "pt_test_and_clear_accessed", 0
ksym_name_415: db "pt_is_dirty", 0
ksym_name_416: db "pt_update_flags", 0
ksym_name_417: db "paging_init", 0
ksym_name_418: db "map_kernel_range", 0
ksym_name_419: db "pt_activate", 0
ksym_name_420: db "pt_kernel", 0
ksym_name_421: db "pt_create", 0
ksym_name_422: db "pt_destroy", 0
ksym_name_423: db "free_level", 0
ksym_name_424: db "pt_walk_user", 0
ksym_name_425: db "walk_level", 0
ksym_name_426: db "paging_kernel_virt_to_phys", 0
ksym_name_427: db "paging_has_smep", 0
ksym_name_428: db "paging_has_smap", 0
ksym_name_429: db "kmalloc", 0
ksym_name_430: db "kzalloc", 0
ksym_name_431: db "kfree", 0
ksym_name_432: db "kmalloc_bad_pointer", 0
ksym_name_433: db "kmalloc_get_stats", 0
ksym_name_434: db "kstack_init", 0
ksym_name_435: db "kstack_alloc", 0
ksym_name_436: db "kstack_free", 0
ksym_name_437: db "kstack_is_guard", 0
ksym_name_438: db "kstack_in_use", 0
ksym_name_439: db "uaccess_range_ok", 0
ksym_name_440: db "copy_from_user", 0
ksym_name_441: db "copy_to_user", 0
ksym_name_442: db "strncpy_from_user", 0
ksym_name_443: db "vm_init", 0
ksym_name_444: db "vm_count", 0
ksym_name_445: db "vm_stats_print", 0
ksym_name_446: db "vm_aux_get", 0
ksym_name_447: db "vm_aux_put", 0
ksym_name_448: db "vm_aux_for_child", 0
ksym_name_449: db "vm_page_new", 0
ksym_name_450: db "vm_alloc_page_with_initializer", 0
ksym_name_451: db "vm_dealloc_page", 0
ksym_name_452: db "vm_page_map", 0
ksym_name_453: db "vm_page_unmap", 0
ksym_name_454: db "vm_page_test_and_clear_accessed", 0
ksym_name_455: db "vm_page_is_dirty", 0
ksym_name_456: db "vm_do_claim_page", 0
ksym_name_457: db "claim", 0
ksym_name_458: db "fill_swap_in", 0
ksym_name_459: db "vm_claim_page", 0
ksym_name_460: db "vm_claim_copy", 0
ksym_name_461: db "fill_copy", 0
ksym_name_462: db "vm_copy_page", 0
ksym_name_463: db "vm_copy_contents", 0
ksym_name_464: db "vm_try_handle_fault", 0
ksym_name_465: db "vm_user_frame", 0
ksym_name_466: db "spt_init", 0
ksym_name_467: db "page_hash", 0
ksym_name_468: db "page_eq", 0
ksym_name_469: db "spt_create", 0
ksym_name_470: db "spt_free", 0
ksym_name_471: db "spt_kill", 0
ksym_name_472: db "spt_lookup_page", 0
ksym_name_473: db "spt_find_page", 0
ksym_name_474: db "spt_registered", 0
ksym_name_475: db "spt_insert_page", 0
ksym_name_476: db "spt_remove_page", 0
ksym_name_477: db "spt_remove_span", 0
ksym_name_478: db "spt_covers", 0
ksym_name_479: db "spt_add_range", 0
ksym_name_480: db "spt_copy", 0
ksym_name_481: db "kill_page", 0
ksym_name_482: db "spt_page_count", 0
ksym_name_483: db "uninit_new", 0
ksym_name_484: db "uninit_transmute", 0
ksym_name_485: db "uninit_initialize", 0
ksym_name_486: db "uninit_swap_out", 0
ksym_name_487: db "uninit_destroy", 0
ksym_name_488: db "uninit_copy", 0
ksym_name_489: db "anon_initializer", 0
ksym_name_490: db "anon_swap_in", 0
ksym_name_491: db "anon_swap_out", 0
ksym_name_492: db "anon_destroy", 0
ksym_name_493: db "anon_copy", 0
ksym_name_494: db "anon_drop_copy", 0
ksym_name_495: db "file_backed_initializer", 0
ksym_name_496: db "file_backed_swap_in", 0
ksym_name_497: db "file_backed_swap_out", 0
ksym_name_498: db "file_backed_destroy", 0
ksym_name_499: db "file_backed_copy", 0
ksym_name_500: db "frame_init", 0
ksym_name_501: db "frame_lock_acquire", 0
ksym_name_502: db "frame_lock_release", 0
ksym_name_503: db "frame_wait_locked", 0
ksym_name_504: db "frame_wake_locked", 0
ksym_name_505: db "vm_get_frame", 0
ksym_name_506: db "frame_free_locked", 0
ksym_name_507: db "frame_drop_swap_copies", 0
ksym_name_508: db "frame_in_use", 0
ksym_name_509: db "clock_pick_locked", 0
ksym_name_510: db "swap_init", 0
ksym_name_511: db "swap_alloc", 0
ksym_name_512: db "swap_free", 0
ksym_name_513: db "swap_read", 0
ksym_name_514: db "swap_plug", 0
ksym_name_515: db "swap_unplug", 0
ksym_name_516: db "cluster_flush", 0
ksym_name_517: db "swap_write", 0
ksym_name_518: db "swap_slot_count", 0
ksym_name_519: db "swap_mark_bad", 0
ksym_name_520: db "swap_used_count", 0
ksym_name_521: db "mmap_end", 0
ksym_name_522: db "do_mmap", 0
ksym_name_523: db "mmap_find", 0
ksym_name_524: db "do_munmap", 0
ksym_name_525: db "mmap_copy", 0
ksym_name_526: db "mmap_kill", 0
ksym_name_527: db "mmap_release", 0
ksym_name_528: db "mmap_write_back", 0
ksym_name_529: db "mmap_for_child", 0
ksym_name_530: db "mmap_load_page", 0
ksym_name_531: db "thread_current", 0
ksym_name_532: db "thread_init", 0
ksym_name_533: db "thread_run_first", 0
ksym_name_534: db "schedule_tail", 0
ksym_name_535: db "thread_exit", 0
ksym_name_536: db "thread_create", 0
ksym_name_537: db "thread_yield", 0
ksym_name_538: db "thread_detach", 0
ksym_name_539: db "thread_join", 0
ksym_name_540: db "schedule", 0
ksym_name_541: db "thread_block", 0
ksym_name_542: db "thread_unblock", 0
ksym_name_543: db "thread_sleep", 0
ksym_name_544: db "thread_tick", 0
ksym_name_545: db "thread_set_priority", 0
ksym_name_546: db "thread_count", 0
ksym_name_547: db "thread_start", 0
ksym_name_548: db "idle_loop", 0
ksym_name_549: db "switch_context", 0
ksym_name_550: db "thread_trampoline", 0
ksym_name_551: db "syscall_entry", 0
ksym_name_552: db "user_enter", 0
ksym_name_553: db "process_init", 0
ksym_name_554: db "process_current", 0
ksym_name_555: db "process_activate", 0
ksym_name_556: db "process_settle", 0
ksym_name_557: db "process_release_files", 0
ksym_name_558: db "process_execute", 0
ksym_name_559: db "proc_alloc", 0
ksym_name_560: db "proc_abandon", 0
ksym_name_561: db "process_fork", 0
ksym_name_562: db "process_exec", 0
ksym_name_563: db "process_exit", 0
ksym_name_564: db "proc_release", 0
ksym_name_565: db "process_wait", 0
ksym_name_566: db "proc_thread_main", 0
ksym_name_567: db "fd_table_create", 0
ksym_name_568: db "fd_table_destroy", 0
ksym_name_569: db "fd_table_fork", 0
ksym_name_570: db "fd_install", 0
ksym_name_571: db "fd_get", 0
ksym_name_572: db "fd_close", 0
ksym_name_573: db "fd_dup2", 0
ksym_name_574: db "elf_read_image", 0
ksym_name_575: db "elf_load_page", 0
ksym_name_576: db "load_program_name", 0
ksym_name_577: db "load_image", 0
ksym_name_578: db "image_aux_release", 0
ksym_name_579: db "load_image_discard", 0
ksym_name_580: db "load_frame_init", 0
ksym_name_581: db "lazy_load_segment", 0
ksym_name_582: db "stack_aux_release", 0
ksym_name_583: db "init_stack_page", 0
ksym_name_584: db "syscall_init", 0
ksym_name_585: db "syscall_dispatch", 0
ksym_name_586: db "sys_halt", 0
ksym_name_587: db "sys_exit", 0
ksym_name_588: db "sys_fork", 0
ksym_name_589: db "sys_exec", 0
ksym_name_590: db "sys_wait", 0
ksym_name_591: db "sys_create", 0
ksym_name_592: db "sys_remove", 0
ksym_name_593: db "sys_open", 0
ksym_name_594: db "sys_filesize", 0
ksym_name_595: db "sys_read", 0
ksym_name_596: db "sys_write", 0
ksym_name_597: db "sys_seek", 0
ksym_name_598: db "sys_tell", 0
ksym_name_599: db "sys_close", 0
ksym_name_600: db "sys_mmap", 0
ksym_name_601: db "sys_munmap", 0
ksym_name_602: db "sys_chdir", 0
ksym_name_603: db "sys_mkdir", 0
ksym_name_604: db "sys_readdir", 0
ksym_name_605: db "sys_isdir", 0
ksym_name_606: db "sys_inumber", 0
ksym_name_607: db "sys_symlink", 0
ksym_name_608: db "sys_dup2", 0
ksym_name_609: db "sys_fault", 0
ksym_name_610: db "usertrap_init", 0
ksym_name_611: db "user_exception", 0
ksym_name_612: db "page_fault", 0
ksym_name_613: db "user_phys", 0
ksym_name_614: db "shutdown_power_off", 0
ksym_name_615: db "fw_cfg_read_file", 0
ksym_name_616: db "pci_read32", 0
ksym_name_617: db "pci_read16", 0
ksym_name_618: db "pci_read8", 0
ksym_name_619: db "pci_write32", 0
ksym_name_620: db "pci_write16", 0
ksym_name_621: db "pci_init", 0
ksym_name_622: db "pci_find", 0
ksym_name_623: db "pci_find_class", 0
ksym_name_624: db "pci_enable", 0
ksym_name_625: db "pci_find_capability", 0
ksym_name_626: db "block_register", 0
ksym_name_627: db "block_find", 0
ksym_name_628: db "block_find_role", 0
ksym_name_629: db "block_next", 0
ksym_name_630: db "block_read", 0
ksym_name_631: db "block_write", 0
ksym_name_632: db "mbr_scan", 0
ksym_name_633: db "mbr_scan_all", 0
ksym_name_634: db "part_read", 0
ksym_name_635: db "part_write", 0
ksym_name_636: db "ata_init", 0
ksym_name_637: db "ata_irq", 0
ksym_name_638: db "ata_read", 0
ksym_name_639: db "ata_write", 0
ksym_name_640: db "ata_issue", 0
ksym_name_641: db "virtio_blk_init", 0
ksym_name_642: db "vblk_irq", 0
ksym_name_643: db "legacy_get_status", 0
ksym_name_644: db "legacy_set_status", 0
ksym_name_645: db "legacy_negotiate", 0
ksym_name_646: db "legacy_queue_size", 0
ksym_name_647: db "legacy_queue_set", 0
ksym_name_648: db "legacy_notify", 0
ksym_name_649: db "legacy_isr", 0
ksym_name_650: db "legacy_capacity", 0
ksym_name_651: db "modern_get_status", 0
ksym_name_652: db "modern_set_status", 0
ksym_name_653: db "modern_negotiate", 0
ksym_name_654: db "modern_queue_size", 0
ksym_name_655: db "modern_queue_set", 0
ksym_name_656: db "modern_notify", 0
ksym_name_657: db "modern_isr", 0
ksym_name_658: db "modern_capacity", 0
ksym_name_659: db "vblk_read", 0
ksym_name_660: db "vblk_write", 0
ksym_name_661: db "vblk_transfer", 0
ksym_name_662: db "storage_init", 0
ksym_name_663: db "ramdisk_create", 0
ksym_name_664: db "ramdisk_destroy", 0
ksym_name_665: db "ramdisk_read", 0
ksym_name_666: db "ramdisk_write", 0
ksym_name_667: db "ramdisk_transfer", 0
ksym_name_668: db "bcache_create", 0
ksym_name_669: db "bcache_get", 0
ksym_name_670: db "get_common", 0
ksym_name_671: db "bcache_get_zero", 0
ksym_name_672: db "bcache_mark_dirty", 0
ksym_name_673: db "bcache_release", 0
ksym_name_674: db "bcache_sync", 0
ksym_name_675: db "write_run_locked", 0
ksym_name_676: db "bcache_destroy", 0
ksym_name_677: db "bcache_get_stats", 0
ksym_name_678: db "victim_locked", 0
ksym_name_679: db "ext2_sync", 0
ksym_name_680: db "ext2_mount", 0
ksym_name_681: db "ext2_unmount", 0
ksym_name_682: db "ext2_get_stats", 0
ksym_name_683: db "ext2_group_start", 0
ksym_name_684: db "ext2_group_data_start", 0
ksym_name_685: db "ext2_block_alloc", 0
ksym_name_686: db "ext2_block_free", 0
ksym_name_687: db "ext2_block_valid", 0
ksym_name_688: db "ext2_ialloc", 0
ksym_name_689: db "ext2_ifree", 0
ksym_name_690: db "ext2_inode_load", 0
ksym_name_691: db "ext2_inode_store", 0
ksym_name_692: db "ext2_inode_is_dir", 0
ksym_name_693: db "ext2_inode_size", 0
ksym_name_694: db "ext2_bmap", 0
ksym_name_695: db "ext2_inode_read", 0
ksym_name_696: db "ext2_inode_write", 0
ksym_name_697: db "ext2_inode_check", 0
ksym_name_698: db "ext2_inode_extend", 0
ksym_name_699: db "ext2_inode_create", 0
ksym_name_700: db "ext2_inode_delete", 0
ksym_name_701: db "free_tree", 0
ksym_name_702: db "ext2_dir_lookup", 0
ksym_name_703: db "ext2_dir_add", 0
ksym_name_704: db "ext2_dir_remove", 0
ksym_name_705: db "ext2_dir_next", 0
ksym_name_706: db "ext2_dir_is_empty", 0
ksym_name_707: db "ext2_dir_init", 0
ksym_name_708: db "fs_init", 0
ksym_name_709: db "inode_open", 0
ksym_name_710: db "inode_is_dir", 0
ksym_name_711: db "fs_shutdown", 0
ksym_name_712: db "fs_mounted", 0
ksym_name_713: db "fs_sync", 0
ksym_name_714: db "fs_get_stats", 0
ksym_name_715: db "inode_close_locked", 0
ksym_name_716: db "inode_open_locked", 0
ksym_name_717: db "inode_reopen", 0
ksym_name_718: db "inode_close", 0
ksym_name_719: db "inode_get_inumber", 0
ksym_name_720: db "fs_lookup", 0
ksym_name_721: db "walk_locked", 0
ksym_name_722: db "fs_create", 0
ksym_name_723: db "create_common", 0
ksym_name_724: db "fs_mkdir", 0
ksym_name_725: db "fs_remove", 0
ksym_name_726: db "file_open_inode", 0
ksym_name_727: db "file_open", 0
ksym_name_728: db "file_reopen", 0
ksym_name_729: db "file_dup", 0
ksym_name_730: db "file_deny_write", 0
ksym_name_731: db "file_close", 0
ksym_name_732: db "file_allow_write", 0
ksym_name_733: db "file_read_at", 0
ksym_name_734: db "file_write_at", 0
ksym_name_735: db "file_read", 0
ksym_name_736: db "file_write", 0
ksym_name_737: db "file_seek", 0
ksym_name_738: db "file_tell", 0
ksym_name_739: db "file_length", 0
ksym_name_740: db "file_is_dir", 0
ksym_name_741: db "file_inumber", 0
ksym_name_742: db "file_get_inode", 0
ksym_name_743: db "fs_readdir", 0
ksym_name_744: db "file_read_page", 0
ksym_name_745: db "file_write_page", 0
ksym_name_746: db "fsbench_run", 0
ksym_name_747: db "ktest_fn_heap_every_size_class", 0
ksym_name_748: db "ktest_fn_heap_stats_are_exact", 0
ksym_name_749: db "ktest_fn_heap_large_blocks", 0
ksym_name_750: db "ktest_fn_heap_zero_and_overflow", 0
ksym_name_751: db "ktest_fn_heap_kzalloc_zeroes", 0
ksym_name_752: db "ktest_fn_heap_many_mixed_order", 0
ksym_name_753: db "ktest_fn_heap_fills_and_empties_slabs", 0
ksym_name_754: db "ktest_fn_heap_debug_poisoning", 0
ksym_name_755: db "heap_t_same", 0
ksym_name_756: db "ktest_fn_pmm_counts_consistent", 0
ksym_name_757: db "ktest_fn_pmm_exhaust_each_frame_once", 0
ksym_name_758: db "ktest_fn_pmm_alloc_after_free_all", 0
ksym_name_759: db "ktest_fn_pmm_alloc_page_zeroed", 0
ksym_name_760: db "ktest_fn_pmm_contig_bad_sizes", 0
ksym_name_761: db "ktest_fn_pmm_contig_runs", 0
ksym_name_762: db "ktest_fn_pmm_contig_needs_adjacent_frames", 0
ksym_name_763: db "ktest_fn_pmm_mem_cap", 0
ksym_name_764: db "exhaust", 0
ksym_name_765: db "ktest_fn_paging_map_lookup_translate_unmap", 0
ksym_name_766: db "ktest_fn_paging_remap_replaces", 0
ksym_name_767: db "ktest_fn_paging_permission_bits", 0
ksym_name_768: db "ktest_fn_paging_kernel_layout_shared_and_wx", 0
ksym_name_769: db "ktest_fn_paging_tlb_flush_on_change", 0
ksym_name_770: db "ktest_fn_paging_destroy_frees_all_tables", 0
ksym_name_771: db "ktest_fn_paging_map_out_of_memory", 0
ksym_name_772: db "ktest_fn_paging_nx_data_and_heap", 0
ksym_name_773: db "ktest_fn_paging_write_protect_rodata_and_text", 0
ksym_name_774: db "ktest_fn_paging_smep", 0
ksym_name_775: db "ktest_fn_paging_smap", 0
ksym_name_776: db "catch_read", 0
ksym_name_777: db "catch_write", 0
ksym_name_778: db "catch_call", 0
ksym_name_779: db "text_target", 0
ksym_name_780: db "smep_probe", 0
ksym_name_781: db "catch_read_stac", 0
ksym_name_782: db "ktest_fn_hash_insert_find_remove", 0
ksym_name_783: db "ktest_fn_hash_duplicates", 0
ksym_name_784: db "ktest_fn_hash_big_resize_and_shrink", 0
ksym_name_785: db "ktest_fn_hash_iterate_and_remove", 0
ksym_name_786: db "ktest_fn_hash_remove_all_while_iterating_shrinks", 0
ksym_name_787: db "ktest_fn_hash_clear_and_reuse", 0
ksym_name_788: db "ktest_fn_hash_degenerate_hash_function", 0
ksym_name_789: db "ktest_fn_hash_page_address_keys", 0
ksym_name_790: db "ktest_fn_hash_helpers", 0
ksym_name_791: db "hash_t_hash", 0
ksym_name_792: db "hash_t_eq", 0
ksym_name_793: db "hash_t_free_item", 0
ksym_name_794: db "hash_t_constant", 0
ksym_name_795: db "ktest_fn_bitmap_single_bits_every_size", 0
ksym_name_796: db "ktest_fn_bitmap_full_and_empty", 0
ksym_name_797: db "ktest_fn_bitmap_ranges_across_words", 0
ksym_name_798: db "ktest_fn_bitmap_scan_runs", 0
ksym_name_799: db "ktest_fn_bitmap_scan_matches_reference", 0
ksym_name_800: db "ktest_fn_bitmap_scan_and_flip_slots", 0
ksym_name_801: db "ktest_fn_bitmap_caller_storage", 0
ksym_name_802: db "ktest_fn_bitmap_no_leaks", 0
ksym_name_803: db "ktest_fn_list_empty", 0
ksym_name_804: db "ktest_fn_list_push_back_order", 0
ksym_name_805: db "ktest_fn_list_push_front_order", 0
ksym_name_806: db "ktest_fn_list_backward_links", 0
ksym_name_807: db "ktest_fn_list_insert_before", 0
ksym_name_808: db "ktest_fn_list_remove_and_linked", 0
ksym_name_809: db "ktest_fn_list_pop_front_drains", 0
ksym_name_810: db "ktest_fn_list_for_each_safe_removes_odd", 0
ksym_name_811: db "ktest_fn_list_reinsert_after_remove", 0
ksym_name_812: db "ktest_fn_printf_signed_decimal", 0
ksym_name_813: db "ktest_fn_printf_unsigned_and_hex", 0
ksym_name_814: db "ktest_fn_printf_pointer_char_string_percent", 0
ksym_name_815: db "ktest_fn_printf_width_and_zero_padding", 0
ksym_name_816: db "ktest_fn_printf_left_alignment", 0
ksym_name_817: db "ktest_fn_printf_string_precision", 0
ksym_name_818: db "ktest_fn_printf_mixed", 0
ksym_name_819: db "ktest_fn_printf_truncation_and_return_value", 0
ksym_name_820: db "ktest_fn_cmdline_empty", 0
ksym_name_821: db "ktest_fn_cmdline_options", 0
ksym_name_822: db "ktest_fn_cmdline_state_reset_between_parses", 0
ksym_name_823: db "ktest_fn_cmdline_several_actions", 0
ksym_name_824: db "ktest_fn_cmdline_optional_arguments", 0
ksym_name_825: db "ktest_fn_cmdline_quotes", 0
ksym_name_826: db "ktest_fn_cmdline_unterminated_quote", 0
ksym_name_827: db "ktest_fn_cmdline_unknown_option", 0
ksym_name_828: db "ktest_fn_cmdline_unknown_action", 0
ksym_name_829: db "ktest_fn_cmdline_missing_argument", 0
ksym_name_830: db "ktest_fn_cmdline_too_many_words", 0
ksym_name_831: db "ktest_fn_cmdline_too_many_actions", 0
ksym_name_832: db "ktest_fn_cmdline_error_message_truncated", 0
ksym_name_833: db "parse", 0
ksym_name_834: db "ktest_fn_threads_lock_contention", 0
ksym_name_835: db "ktest_fn_threads_condvar_bounded_buffer", 0
ksym_name_836: db "ktest_fn_threads_condvar_broadcast", 0
ksym_name_837: db "ktest_fn_threads_sleep_order", 0
ksym_name_838: db "ktest_fn_threads_sleep_main_thread", 0
ksym_name_839: db "ktest_fn_threads_timer_preempts_spinner", 0
ksym_name_840: db "ktest_fn_threads_semaphore_ping_pong", 0
ksym_name_841: db "ktest_fn_threads_semaphore_counting", 0
ksym_name_842: db "ktest_fn_threads_semaphore_wakes_highest_priority", 0
ksym_name_843: db "ktest_fn_threads_join", 0
ksym_name_844: db "ktest_fn_threads_priorities", 0
ksym_name_845: db "ktest_fn_threads_set_priority_yields", 0
ksym_name_846: db "ktest_fn_threads_lock_try_acquire", 0
ksym_name_847: db "ktest_fn_threads_new_thread_stack_aligned", 0
ksym_name_848: db "lock_worker", 0
ksym_name_849: db "snap_same", 0
ksym_name_850: db "consumer", 0
ksym_name_851: db "producer", 0
ksym_name_852: db "bcast_waiter", 0
ksym_name_853: db "sleeper", 0
ksym_name_854: db "spinner", 0
ksym_name_855: db "releaser", 0
ksym_name_856: db "ponger", 0
ksym_name_857: db "prio_waiter", 0
ksym_name_858: db "quick", 0
ksym_name_859: db "slow", 0
ksym_name_860: db "try_taker", 0
ksym_name_861: db "align_probe", 0
ksym_name_862: db "note_aligned_local", 0
ksym_name_863: db "ktest_fn_block_roundtrip_start", 0
ksym_name_864: db "ktest_fn_block_roundtrip_middle", 0
ksym_name_865: db "ktest_fn_block_roundtrip_end", 0
ksym_name_866: db "ktest_fn_block_multi_sector_64k", 0
ksym_name_867: db "ktest_fn_block_buffer_spans_pages", 0
ksym_name_868: db "ktest_fn_block_kernel_image_buffer", 0
ksym_name_869: db "ktest_fn_block_concurrent_threads", 0
ksym_name_870: db "ktest_fn_block_mbr_partitions", 0
ksym_name_871: db "ktest_fn_block_out_of_range", 0
ksym_name_872: db "ktest_fn_block_statistics", 0
ksym_name_873: db "roundtrip", 0
ksym_name_874: db "conc_worker", 0
ksym_name_875: db "ktest_fn_ext2_mounted", 0
ksym_name_876: db "ktest_fn_ext2_small_file", 0
ksym_name_877: db "ktest_fn_ext2_sizes", 0
ksym_name_878: db "ktest_fn_ext2_big_file", 0
ksym_name_879: db "ktest_fn_ext2_sparse_file", 0
ksym_name_880: db "ktest_fn_ext2_remove_while_open", 0
ksym_name_881: db "ktest_fn_ext2_directories", 0
ksym_name_882: db "ktest_fn_ext2_readdir", 0
ksym_name_883: db "ktest_fn_ext2_ramdisk", 0
ksym_name_884: db "ktest_fn_ext2_corrupt_super", 0
ksym_name_885: db "ktest_fn_ext2_kfile_for_host", 0
ksym_name_886: db "ktest_fn_ext2full_disk_full", 0
ksym_name_887: db "make_file", 0
ksym_name_888: db "check_file", 0
ksym_name_889: db "write_pattern", 0
ksym_name_890: db "read_hash", 0
ksym_name_891: db "list_dir", 0
ksym_name_892: db "corrupt_inodes", 0
ksym_name_893: db "corrupt", 0
ksym_name_894: db "fill_disk", 0
ksym_name_895: db "ktest_fn_uaccess_null_faults", 0
ksym_name_896: db "ktest_fn_uaccess_kernel_ranges_rejected", 0
ksym_name_897: db "ktest_fn_uaccess_mapped_pages", 0
ksym_name_898: db "ktest_fn_uaccess_string_too_long", 0
ksym_name_899: db "ktest_fn_spt_init_kill_empty", 0
ksym_name_900: db "ktest_fn_spt_register_without_frame", 0
ksym_name_901: db "ktest_fn_spt_register_twice_exists", 0
ksym_name_902: db "ktest_fn_spt_range_pages_on_first_touch", 0
ksym_name_903: db "ktest_fn_spt_range_overlap_refused", 0
ksym_name_904: db "ktest_fn_spt_covers", 0
ksym_name_905: db "ktest_fn_spt_remove_page", 0
ksym_name_906: db "ktest_fn_spt_many_pages", 0
ksym_name_907: db "ktest_fn_spt_kill_frees_everything", 0
ksym_name_908: db "ktest_fn_frame_claim_zero_page", 0
ksym_name_909: db "ktest_fn_frame_zero_fill_reused_frame", 0
ksym_name_910: db "ktest_fn_frame_initializer_runs_once", 0
ksym_name_911: db "ktest_fn_frame_initializer_error", 0
ksym_name_912: db "ktest_fn_frame_clock_evicts_to_swap", 0
ksym_name_913: db "ktest_fn_frame_clean_file_page_preferred", 0
ksym_name_914: db "ktest_fn_frame_clean_anon_page_preferred", 0
ksym_name_915: db "ktest_fn_frame_accessed_page_second_chance", 0
ksym_name_916: db "ktest_fn_frame_pte_dirty_page_written_again", 0
ksym_name_917: db "ktest_fn_frame_recent_claims_no_livelock", 0
ksym_name_918: db "ktest_fn_frame_dealloc_frees_frame_and_slot", 0
ksym_name_919: db "ktest_fn_swap_has_slots", 0
ksym_name_920: db "ktest_fn_swap_alloc_distinct_and_free", 0
ksym_name_921: db "ktest_fn_swap_write_read_back", 0
ksym_name_922: db "ktest_fn_swap_exhaust_and_recover", 0
ksym_name_923: db "ktest_fn_noswap_no_slots", 0
ksym_name_924: db "ktest_fn_noswap_only_clean_pages_evicted", 0
ksym_name_925: db "vt_fill", 0
ksym_name_926: db "vt_aux_release", 0
ksym_name_927: db "vt_age", 0
ksym_name_928: db "_text_end", 0
ksym_name_929: db "_rodata_start", 0
